import { createPostgresBackend, Queue, QueueOptions, Worker, WorkerOptions } from 'bullmq';
import type { Processor } from 'bullmq';
import type { PostgresPoolConfig } from 'bullmq';
import type { RedisOptions } from 'bullmq';
import type { AppConfig } from '../config/app-config';

export type QueueBackendKind = 'redis' | 'postgres';

/** Schema the PostgreSQL queue backend keeps its tables in, apart from the app's own. */
export const PG_QUEUE_SCHEMA = 'bullmq';

/**
 * Builds BullMQ queues and workers on the configured backend: Redis when REDIS_URL is
 * set (production), else BullMQ's PostgreSQL backend in the app's own database (the
 * zero-config default). Callers never see which one they got.
 */
export class QueueBackend {
  readonly kind: QueueBackendKind;

  constructor(
    private readonly config: Pick<AppConfig, 'REDIS_URL' | 'DATABASE_URL' | 'QUEUE_PREFIX'>,
  ) {
    this.kind = config.REDIS_URL ? 'redis' : 'postgres';
    if (this.kind === 'postgres' && !config.DATABASE_URL) {
      throw new Error(
        'DATABASE_URL: required for the PostgreSQL queue backend when REDIS_URL is empty',
      );
    }
  }

  createQueue(name: string, options: Partial<QueueOptions> = {}): Queue {
    if (this.kind === 'redis') {
      return new Queue(name, {
        ...options,
        prefix: this.config.QUEUE_PREFIX,
        connection: this.redis(false),
      });
    }
    return new Queue(
      name,
      { ...options, connection: this.postgres() },
      createPostgresBackend,
    ) as unknown as Queue;
  }

  createWorker(name: string, processor: Processor, options: Partial<WorkerOptions> = {}): Worker {
    if (this.kind === 'redis') {
      return new Worker(name, processor, {
        ...options,
        prefix: this.config.QUEUE_PREFIX,
        connection: this.redis(true),
      });
    }
    return new Worker(
      name,
      processor,
      { ...options, connection: this.postgres() },
      createPostgresBackend,
    ) as unknown as Worker;
  }

  /** A description for logs that never includes credentials. */
  describe(): string {
    const url = new URL(this.kind === 'redis' ? this.config.REDIS_URL! : this.config.DATABASE_URL!);
    return `${this.kind} at ${url.hostname}:${url.port || (this.kind === 'redis' ? 6379 : 5432)}`;
  }

  // Options rather than a client, so BullMQ owns the connections and closes them.
  // Producers fail fast while Redis is down (the outbox keeps the work); workers retry forever.
  private redis(blocking: boolean): RedisOptions {
    const url = new URL(this.config.REDIS_URL!);
    return {
      host: url.hostname,
      port: Number(url.port || 6379),
      username: url.username ? decodeURIComponent(url.username) : undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      db: Number(url.pathname.slice(1) || 0),
      tls: url.protocol === 'rediss:' ? {} : undefined,
      maxRetriesPerRequest: blocking ? null : 1,
      enableOfflineQueue: blocking,
    };
  }

  private postgres(): PostgresPoolConfig {
    return {
      connectionString: this.config.DATABASE_URL,
      schema: PG_QUEUE_SCHEMA,
      migrate: true,
      max: 4,
    };
  }
}
