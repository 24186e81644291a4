import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { Client, type ClientConfig } from 'pg';
import { Observable, Subject } from 'rxjs';
import { DataSource, type EntityManager } from 'typeorm';
import { isUuid } from '../shared/uuid';

/** PostgreSQL channel of desk queue changes. The payload is a site id, nothing else. */
export const DESK_QUEUE_CHANNEL = 'desk_queue';
const RECONNECT_DELAY_MS = 2_000;

/**
 * "Something changed in this site's queue", across every api process. A change is
 * announced with NOTIFY inside the changing transaction (so it is heard only if it
 * commits) and re-emitted here by a dedicated LISTEN connection to the subscribers of
 * this process. The writer also emits locally right away, so its own screens update
 * even while the LISTEN connection is reconnecting; subscribers coalesce the echo.
 */
@Injectable()
export class DeskQueueEvents implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DeskQueueEvents');
  private readonly subjects = new Map<string, Subject<void>>();
  private listener: Client | null = null;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private closing = false;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    void this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    clearTimeout(this.reconnectTimer);
    // Completing ends every open event stream, so the HTTP server can close.
    for (const subject of this.subjects.values()) subject.complete();
    this.subjects.clear();
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  /** Emits (no value) whenever the site's queue changed. */
  changes(siteId: string): Observable<void> {
    return new Observable<void>((subscriber) => {
      if (this.closing) {
        subscriber.complete();
        return undefined;
      }
      let subject = this.subjects.get(siteId);
      if (!subject) {
        subject = new Subject<void>();
        this.subjects.set(siteId, subject);
      }
      const subscription = subject.subscribe(subscriber);
      const own = subject;
      return () => {
        subscription.unsubscribe();
        if (!own.observed && this.subjects.get(siteId) === own) this.subjects.delete(siteId);
      };
    });
  }

  /** Announces a change to every api process once the transaction commits. */
  async notify(manager: EntityManager, siteId: string): Promise<void> {
    await manager.query(`SELECT pg_notify($1, $2)`, [DESK_QUEUE_CHANNEL, siteId]);
  }

  /** Tells this process's subscribers at once (after the commit). */
  emit(siteId: string): void {
    this.subjects.get(siteId)?.next();
  }

  private async listen(): Promise<void> {
    if (this.closing) return;
    const client = new Client(this.connectionConfig());
    let failed = false;
    const fail = (error?: unknown): void => {
      if (failed) return;
      failed = true;
      if (this.listener === client) this.listener = null;
      client.end().catch(() => undefined);
      if (this.closing) return;
      this.logger.warn({ err: error }, 'desk queue LISTEN connection lost; reconnecting');
      this.reconnectTimer = setTimeout(() => void this.listen(), RECONNECT_DELAY_MS);
    };
    client.on('error', fail);
    client.on('end', () => fail());
    client.on('notification', (message) => {
      if (message.channel === DESK_QUEUE_CHANNEL && isUuid(message.payload)) {
        this.emit(message.payload.toLowerCase());
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${DESK_QUEUE_CHANNEL}`);
    } catch (error) {
      fail(error);
      return;
    }
    if (this.closing) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    // Changes made while the connection was down were not heard: refresh every board.
    for (const subject of this.subjects.values()) subject.next();
  }

  private connectionConfig(): ClientConfig {
    const options = this.dataSource.options as {
      url?: string;
      host?: string;
      port?: number;
      username?: string;
      password?: string;
      database?: string;
    };
    const base: ClientConfig = options.url
      ? { connectionString: options.url }
      : {
          host: options.host,
          port: options.port,
          user: options.username,
          password: options.password,
          database: options.database,
        };
    return { ...base, application_name: 'ohjaamo-desk-events' };
  }
}
