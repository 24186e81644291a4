import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { QUEUE_NAMES } from '@ohjaamo/jobs';
import { QueueBackend } from '@ohjaamo/platform';
import type { Worker } from 'bullmq';
import { JobRegistry } from './job-registry';

/** One BullMQ worker per queue, dispatching by job name. Closed gracefully on shutdown. */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('QueueWorkers');
  private workers: Worker[] = [];

  constructor(
    private readonly backend: QueueBackend,
    private readonly registry: JobRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const missing = this.registry.missingHandlers();
    if (missing.length > 0) {
      throw new Error(`Jobs without a handler: ${missing.join(', ')}`);
    }
    this.workers = QUEUE_NAMES.map((name) => {
      const worker = this.backend.createWorker(name, (job) => this.registry.dispatch(job), {
        concurrency: 4,
      });
      // Job ids and names only: payloads never reach the log.
      worker.on('failed', (job, error) =>
        this.logger.warn(
          { queue: name, jobId: job?.id, job: job?.name, err: error.message },
          'job failed',
        ),
      );
      worker.on('error', (error) =>
        this.logger.error({ queue: name, err: error.message }, 'worker error'),
      );
      return worker;
    });
    this.logger.log(`Processing ${QUEUE_NAMES.join(', ')} on ${this.backend.describe()}`);
  }

  async onApplicationShutdown(): Promise<void> {
    // Lets running jobs finish; jobs not started stay queued for the next worker.
    await Promise.all(this.workers.map((worker) => worker.close()));
  }
}
