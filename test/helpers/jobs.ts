import type { INestApplication } from '@nestjs/common';
import { Queues } from '@ohjaamo/platform';
import type { JobType } from 'bullmq';
import { DataSource } from 'typeorm';

/**
 * Waits until every queue is idle (nothing waiting or running, and nothing still in the
 * outbox when the app has one), so a test can assert on what the jobs did. Delayed jobs
 * (quiet hours, back-off) count only when asked, as they may be due much later.
 */
export async function waitForAllJobs(
  app: INestApplication,
  options: { timeoutMs?: number; includeDelayed?: boolean } = {},
): Promise<void> {
  const queues = app.get(Queues);
  const dataSource = app.get(DataSource);
  const states: JobType[] = ['waiting', 'active', 'prioritized', 'waiting-children'];
  if (options.includeDelayed) states.push('delayed');
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const counts = await Promise.all(queues.all().map((queue) => queue.getJobCounts(...states)));
    const pendingJobs = counts.reduce(
      (sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0),
      0,
    );
    const pendingOutbox = await pendingOutboxRows(dataSource);
    if (pendingJobs === 0 && pendingOutbox === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `Jobs still pending after the timeout: ${pendingJobs} queued, ${pendingOutbox} in the outbox`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function pendingOutboxRows(dataSource: DataSource): Promise<number> {
  const [table] = await dataSource.query<{ name: string | null }[]>(
    `SELECT to_regclass('public.outbox')::text AS name`,
  );
  if (!table?.name) return 0;
  const [row] = await dataSource.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM outbox WHERE relayed_at IS NULL AND available_at <= now()`,
  );
  return row?.n ?? 0;
}
