import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { Queues } from '../queue/queue.module';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/** Prometheus metrics of one process: HTTP latency, queue depths, Node defaults. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route pattern (never the raw URL)',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor(queues: Queues) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs in each queue by state',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        await Promise.all(
          queues.all().map(async (queue) => {
            try {
              const counts = await queue.getJobCounts(...JOB_STATES);
              for (const state of JOB_STATES)
                this.set({ queue: queue.name, state }, counts[state] ?? 0);
            } catch {
              // Backend down: readiness reports it; keep the scrape working.
            }
          }),
        );
      },
    });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
