import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthService, MetricsService } from '@ohjaamo/platform';
import type { Response } from 'express';
import { Public } from '../auth/access.decorators';

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly metrics: MetricsService,
  ) {}

  /** Liveness: the process is up and serving. Never touches dependencies. */
  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the database and the queue backend answer. 503 otherwise. */
  @Get('health/ready')
  async ready(@Res() res: Response): Promise<void> {
    const report = await this.health.readiness();
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  }

  @Get('metrics')
  async scrape(@Res() res: Response): Promise<void> {
    const { contentType, body } = await this.metrics.render();
    res.setHeader('Content-Type', contentType);
    res.send(body);
  }
}
