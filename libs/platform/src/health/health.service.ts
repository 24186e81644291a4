import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Queues } from '../queue/queue.module';

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: Record<string, { status: 'ok' | 'down'; error?: string }>;
}

const CHECK_TIMEOUT_MS = 3000;

/** Readiness: can this process reach the database and the queue backend right now? */
@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: Queues,
  ) {}

  async readiness(): Promise<ReadinessReport> {
    const [database, queue] = await Promise.all([
      this.check(() => this.dataSource.query('SELECT 1')),
      this.check(() => Promise.all(this.queues.all().map((q) => q.getJobCounts('waiting')))),
    ]);
    const checks = { database, queue };
    const status = Object.values(checks).every((c) => c.status === 'ok') ? 'ok' : 'unavailable';
    return { status, checks };
  }

  private async check(
    probe: () => Promise<unknown>,
  ): Promise<{ status: 'ok' | 'down'; error?: string }> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        probe(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
        }),
      ]);
      return { status: 'ok' };
    } catch (error) {
      // Only the error class and message: connection strings never reach this answer.
      return { status: 'down', error: error instanceof Error ? error.name : 'error' };
    } finally {
      clearTimeout(timer);
    }
  }
}
