import { Controller, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { measureOutboxBacklog, QUEUE_NAMES } from '@ohjaamo/jobs';
import { Queues } from '@ohjaamo/platform';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { PageRenderer } from '../ui/page-renderer';

const FAILED_SHOWN = 25;
const JOB_ID = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * Queue counts, failed jobs with a retry button, and the outbox backlog, for admins. A
 * Nest controller (not a mounted Express app) so the AccessGuard covers every route.
 * Job payloads are never shown: they are ids, and they are not needed to decide a retry.
 */
@ApiExcludeController()
@Controller('admin/queues')
export class QueueDashboardPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly queues: Queues,
    private readonly dataSource: DataSource,
  ) {}

  @Allow('queues.dashboard')
  @Get()
  async show(@Req() req: AuthedRequest, @Res() res: Response): Promise<void> {
    const queues = await Promise.all(
      QUEUE_NAMES.map(async (name) => {
        const queue = this.queues.get(name);
        const counts = await queue.getJobCounts(
          'waiting',
          'active',
          'delayed',
          'completed',
          'failed',
        );
        const failed = (await queue.getFailed(0, FAILED_SHOWN - 1)).map((job) => ({
          id: job.id,
          name: job.name,
          attempts: job.attemptsMade,
          // Messages only, shortened: the full error is in the worker's log.
          error: (job.failedReason ?? '').slice(0, 200),
          failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
        }));
        return { name, counts, failed };
      }),
    );
    const outbox = await measureOutboxBacklog(this.dataSource);
    this.pages.render(
      req,
      res,
      'queue-dashboard/queues',
      { queues, outbox, outboxOldestMinutes: Math.floor(outbox.oldestWaitingSeconds / 60) },
      { titleKey: 'notifications.dashboard.title' },
    );
  }

  @Allow('queues.dashboard')
  @Post(':queue/jobs/:jobId/retry')
  async retry(
    @Res() res: Response,
    @Param('queue') queueName: string,
    @Param('jobId') jobId: string,
  ): Promise<void> {
    if (!(QUEUE_NAMES as readonly string[]).includes(queueName) || !JOB_ID.test(jobId)) {
      throw new NotFoundException();
    }
    const job = await this.queues.get(queueName).getJob(jobId);
    if (!job || !(await job.isFailed())) throw new NotFoundException();
    await job.retry('failed');
    this.pages.flash(res, { kind: 'success', key: 'notifications.dashboard.retried' });
    res.redirect(303, '/admin/queues');
  }
}
