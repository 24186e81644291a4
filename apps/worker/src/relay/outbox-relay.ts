import { Logger } from '@nestjs/common';
import { type Clock, JOB_OPTIONS, OUTBOX_CHANNEL, queueOf, systemClock } from '@ohjaamo/jobs';
import type { Queues } from '@ohjaamo/platform';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';

export interface RelayOptions {
  batchSize?: number;
  /** Poll interval when nothing wakes the relay. */
  pollMs?: number;
  /** Ceiling of the backoff while the queue backend is down. */
  maxBackoffMs?: number;
  /** How long one add to the queue may take before the batch counts as failed. */
  addTimeoutMs?: number;
  /** Connection for LISTEN; without one the relay only polls. */
  listenUrl?: string;
  clock?: Clock;
}

interface PendingRow {
  id: string;
  job_name: string;
  payload: Record<string, string>;
}

/**
 * Moves outbox rows into BullMQ. Batches are claimed with FOR UPDATE SKIP LOCKED, so
 * several workers share the work; the job id is the outbox row id, so a batch added twice
 * (a crash between add and commit) is still one job. While the queue backend is down the
 * rows stay and the relay backs off; nothing is lost.
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly maxBackoffMs: number;
  private readonly clock: Clock;
  private readonly addTimeoutMs: number;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private listener?: Client;
  private failures = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: Queues,
    private readonly options: RelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.pollMs = options.pollMs ?? 1_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.clock = options.clock ?? systemClock;
    this.addTimeoutMs = options.addTimeoutMs ?? 10_000;
  }

  /** Consecutive failed batches; 0 when the last batch got through. */
  get consecutiveFailures(): number {
    return this.failures;
  }

  async start(): Promise<void> {
    this.running = true;
    await this.listen();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
  }

  /** Relays one batch; returns how many rows went to the queues. Throws when they could not. */
  async relayBatch(): Promise<number> {
    let claimed: string[] = [];
    try {
      return await this.dataSource.transaction(async (manager) => {
        const rows: PendingRow[] = await manager.query(
          `SELECT id, job_name, payload FROM outbox
            WHERE relayed_at IS NULL AND available_at <= GREATEST(now(), $1)
            ORDER BY available_at LIMIT $2
            FOR UPDATE SKIP LOCKED`,
          [this.clock.now(), this.batchSize],
        );
        if (rows.length === 0) return 0;
        claimed = rows.map((row) => row.id);
        const byQueue = new Map<string, PendingRow[]>();
        for (const row of rows) {
          const queue = queueOf(row.job_name);
          byQueue.set(queue, [...(byQueue.get(queue) ?? []), row]);
        }
        for (const [queue, queueRows] of byQueue) {
          const jobs = queueRows.map((row) => ({
            name: row.job_name,
            data: row.payload,
            opts: { ...JOB_OPTIONS, jobId: row.id },
          }));
          // A producer waits for a lost Redis forever; give up on the batch instead, and
          // a late add is harmless: the same job id the next time is the same job.
          await withTimeout(this.queues.get(queue).addBulk(jobs), this.addTimeoutMs);
        }
        await manager.query(
          `UPDATE outbox SET relayed_at = now(), attempts = attempts + 1 WHERE id = ANY($1)`,
          [claimed],
        );
        return rows.length;
      });
    } catch (error) {
      if (claimed.length > 0) {
        const message = error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
        await this.dataSource
          .query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1)`, [
            claimed,
            message,
          ])
          .catch(() => undefined);
      }
      throw error;
    }
  }

  /** Relays until nothing is due. For tests and the benchmark. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.relayBatch();
      total += count;
      if (count < this.batchSize) return total;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      let wait = this.pollMs;
      try {
        const count = await this.relayBatch();
        this.failures = 0;
        if (count === this.batchSize) continue;
      } catch (error) {
        this.failures++;
        // Exponential with jitter, so many workers do not hammer a recovering Redis together.
        const base = Math.min(this.maxBackoffMs, 200 * 2 ** Math.min(this.failures, 16));
        wait = base / 2 + Math.random() * (base / 2);
        this.logger.warn(
          { failures: this.failures, err: error instanceof Error ? error.message : 'unknown' },
          'outbox relay failed; retrying',
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async listen(): Promise<void> {
    if (!this.options.listenUrl) return;
    try {
      this.listener = new Client({ connectionString: this.options.listenUrl });
      this.listener.on('notification', () => this.wake?.());
      // Polling still covers for a lost listener connection.
      this.listener.on('error', () => (this.listener = undefined));
      await this.listener.connect();
      await this.listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      this.logger.warn(
        { err: error instanceof Error ? error.message : 'unknown' },
        'outbox LISTEN unavailable; polling only',
      );
      this.listener = undefined;
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`queue did not answer within ${ms} ms`)), ms);
  });
  promise.catch(() => undefined);
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
