import { Inject, Injectable } from '@nestjs/common';
import { MetricsService } from '@ohjaamo/platform';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';

/** Outbox rows not yet relayed to the queue. */
export interface OutboxBacklog {
  /** Due now and waiting for the relay: grows while the queue backend is down. */
  waiting: number;
  /** How long the oldest waiting row has been due, in seconds (0 when none waits). */
  oldestWaitingSeconds: number;
  /** Not due yet (e.g. an SMS held until quiet hours end): expected, not a backlog. */
  postponed: number;
}

/** One query on the relay's own partial index (rows with relayed_at IS NULL). */
export async function measureOutboxBacklog(
  dataSource: Pick<DataSource, 'query'>,
): Promise<OutboxBacklog> {
  const [row] = await dataSource.query<
    { waiting: number; postponed: number; oldest: number | string | null }[]
  >(
    `SELECT count(*) FILTER (WHERE available_at <= now())::int AS waiting,
            count(*) FILTER (WHERE available_at > now())::int AS postponed,
            EXTRACT(EPOCH FROM now() - min(available_at) FILTER (WHERE available_at <= now()))
              AS oldest
       FROM outbox WHERE relayed_at IS NULL`,
  );
  return {
    waiting: row.waiting,
    postponed: row.postponed,
    oldestWaitingSeconds: row.oldest === null ? 0 : Math.max(0, Math.round(Number(row.oldest))),
  };
}

/**
 * The outbox backlog as Prometheus gauges on /metrics of the api and the worker, read at
 * each scrape: an alert on outbox_oldest_waiting_seconds catches a stopped relay or an
 * unreachable queue backend, which the API itself survives without a sign.
 */
@Injectable()
export class OutboxBacklogMetrics {
  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(MetricsService) metrics: MetricsService,
  ) {
    let pending: Promise<OutboxBacklog | null> | null = null;
    // The three gauges share one query per scrape.
    const measure = (): Promise<OutboxBacklog | null> =>
      (pending ??= measureOutboxBacklog(dataSource)
        .catch(() => null)
        .finally(() => setImmediate(() => (pending = null))));
    const gauge = (name: string, help: string, pick: (b: OutboxBacklog) => number): void => {
      new Gauge({
        name,
        help,
        registers: [metrics.registry],
        async collect() {
          const backlog = await measure();
          // Database down: readiness reports it; keep the scrape working.
          if (backlog) this.set(pick(backlog));
        },
      });
    };
    gauge(
      'outbox_rows_waiting',
      'Outbox rows due and not yet relayed to the queue',
      (b) => b.waiting,
    );
    gauge(
      'outbox_oldest_waiting_seconds',
      'Age of the oldest due outbox row not yet relayed, in seconds',
      (b) => b.oldestWaitingSeconds,
    );
    gauge('outbox_rows_postponed', 'Outbox rows not due yet (quiet hours)', (b) => b.postponed);
  }
}
