import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, HealthService, MetricsService } from '@ohjaamo/platform';
import { createServer, Server } from 'node:http';

/**
 * The worker has no HTTP API, but orchestrators still need its liveness and readiness,
 * and Prometheus its queue depths: a tiny server on WORKER_HEALTH_PORT answers those.
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: Server;

  constructor(
    private readonly config: AppConfig,
    private readonly health: HealthService,
    private readonly metrics: MetricsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.answer(req.url ?? '/').then(({ status, type, body }) => {
        res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
        res.end(body);
      });
    });
    await new Promise<void>((resolve) =>
      this.server!.listen(this.config.WORKER_HEALTH_PORT, this.config.HOST, resolve),
    );
  }

  private async answer(url: string): Promise<{ status: number; type: string; body: string }> {
    const json = 'application/json';
    switch (url.split('?')[0]) {
      case '/health/live':
        return { status: 200, type: json, body: JSON.stringify({ status: 'ok' }) };
      case '/health/ready': {
        const report = await this.health.readiness();
        return {
          status: report.status === 'ok' ? 200 : 503,
          type: json,
          body: JSON.stringify(report),
        };
      }
      case '/metrics': {
        const { contentType, body } = await this.metrics.render();
        return { status: 200, type: contentType, body };
      }
      default:
        return { status: 404, type: json, body: JSON.stringify({ statusCode: 404 }) };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
