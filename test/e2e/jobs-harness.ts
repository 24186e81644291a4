import { AuditService } from '@ohjaamo/audit';
import {
  type Clock,
  DeliveryLedger,
  EmailSender,
  type JobHandler,
  LoggingSmsProvider,
  MessageTemplates,
  QUEUE_NAMES,
} from '@ohjaamo/jobs';
import { QueueBackend, Queues } from '@ohjaamo/platform';
import type { Worker } from 'bullmq';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';
import { JobRegistry } from '../../apps/worker/src/job-registry';
import { SmsHandler } from '../../apps/worker/src/messages/sms.handler';
import { OutboxRelay, type RelayOptions } from '../../apps/worker/src/relay/outbox-relay';
import { ReminderCatalogue } from '../../apps/worker/src/reminders/reminder-catalogue';
import { ReminderDeliverHandler } from '../../apps/worker/src/reminders/reminder-deliver.handler';
import { reminderKinds } from '../../apps/worker/src/reminders/reminder-kinds';
import { ReminderScanHandler } from '../../apps/worker/src/reminders/reminder-scan.handler';
import { YoungPersonDelivery } from '../../apps/worker/src/reminders/young-person-delivery';
import { RetentionHandler } from '../../apps/worker/src/retention/retention.handler';

/** A movable clock for the worker's handlers. */
export class TestClock implements Clock {
  constructor(public current = new Date()) {}
  now(): Date {
    return this.current;
  }
}

/** The worker's handlers, queues and workers, built over a test app's database. */
export class JobsHarness {
  readonly clock = new TestClock();
  readonly sms = new LoggingSmsProvider();
  readonly queues: Queues;
  readonly email: EmailSender;
  readonly scan: ReminderScanHandler;
  readonly deliver: ReminderDeliverHandler;
  readonly smsHandler: SmsHandler;
  readonly retention: RetentionHandler;
  readonly registry: JobRegistry;
  private workers: Worker[] = [];
  private readonly backend: QueueBackend;

  constructor(
    readonly dataSource: DataSource,
    databaseUrl: string,
    smtpUrl?: string,
    /** A Redis of the test's own (one it stops and restarts); default: the tests' one. */
    redisUrl?: string,
  ) {
    this.backend = new QueueBackend({
      REDIS_URL: redisUrl ?? (process.env.REDIS_URL || undefined),
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: `{j${randomBytes(4).toString('hex')}}`,
    });
    this.queues = new Queues(new Map(QUEUE_NAMES.map((n) => [n, this.backend.createQueue(n)])));
    const catalogue = new ReminderCatalogue(reminderKinds({ NO_CONTACT_DAYS: 60 }));
    const ledger = new DeliveryLedger(dataSource);
    const templates = new MessageTemplates();
    this.email = new EmailSender(smtpUrl, 'Ohjaamo <no-reply@ohjaamo.test>');
    this.scan = new ReminderScanHandler(dataSource, catalogue, this.clock);
    this.deliver = new ReminderDeliverHandler(
      dataSource,
      catalogue,
      ledger,
      templates,
      this.email,
      { PUBLIC_URL: 'http://localhost:3000' },
      this.clock,
      new YoungPersonDelivery(
        dataSource,
        ledger,
        templates,
        this.email,
        this.sms,
        '21-08',
        this.clock,
      ),
    );
    this.smsHandler = new SmsHandler(dataSource, ledger, templates, this.sms, '21-08', this.clock);
    this.retention = new RetentionHandler(dataSource, new AuditService(dataSource), 5, this.clock);
    this.registry = new JobRegistry([
      this.scan,
      this.deliver,
      this.smsHandler,
      this.retention,
    ] as unknown as JobHandler[]);
  }

  relay(options: RelayOptions = {}, queues: Queues = this.queues): OutboxRelay {
    return new OutboxRelay(this.dataSource, queues, { clock: this.clock, pollMs: 50, ...options });
  }

  /** Queues whose backend cannot be reached: Redis or PostgreSQL on a closed port. */
  unreachableQueues(): Queues {
    const backend = new QueueBackend({
      REDIS_URL: this.backend.kind === 'redis' ? 'redis://127.0.0.1:1' : undefined,
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/unreachable_test',
      QUEUE_PREFIX: '{down}',
    });
    const queues = new Queues(new Map(QUEUE_NAMES.map((n) => [n, backend.createQueue(n)])));
    // Connection errors are the point here; the relay reports them itself.
    for (const queue of queues.all()) queue.on('error', () => undefined);
    return queues;
  }

  /**
   * Runs a relay against an unreachable queue backend until it has failed three times in a
   * row, then stops it: a burst written meanwhile is left waiting in the outbox.
   */
  async relayWhileDown(batchSize: number): Promise<void> {
    const downQueues = this.unreachableQueues();
    const down = this.relay({ batchSize, maxBackoffMs: 200, addTimeoutMs: 300 }, downQueues);
    await down.start();
    await waitFor(
      () => Promise.resolve(down.consecutiveFailures),
      (n) => n >= 3,
      15_000,
    );
    await down.stop();
    await downQueues.close().catch(() => undefined);
  }

  /** Starts the queue workers; a second call leaves the running ones alone. */
  startWorkers(): void {
    if (this.workers.length > 0) return;
    this.workers = QUEUE_NAMES.map((name) => {
      const worker = this.backend.createWorker(name, (job) => this.registry.dispatch(job), {
        concurrency: 4,
      });
      // A lost connection is reported here and retried by BullMQ; tests assert on outcomes.
      worker.on('error', () => undefined);
      return worker;
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await this.queues.close();
    this.email.close();
  }
}

/** Inserts a client straight into the table (the fixtures' registry path needs more setup). */
export async function insertClient(
  dataSource: DataSource,
  values: {
    organisationId: string;
    responsibleWorkerId?: string | null;
    createdAt: Date;
    status?: 'active' | 'ended';
    endedAt?: Date | null;
    phone?: string | null;
    language?: string;
    anonymisedAt?: Date | null;
  },
): Promise<string> {
  const id = randomUUID();
  await dataSource.query(
    `INSERT INTO clients (id, first_name, last_name, first_name_key, last_name_key,
       created_by_organisation_id, responsible_worker_id, status, ended_at, end_reason,
       phone, email, language, street_address, anonymised_at, created_at, version)
     VALUES ($1, 'Aino', 'Virtanen', 'aino', 'virtanen', $2, $3, $4, $5, $6,
       $7, 'aino.virtanen@example.test', $8, 'Kauppakatu 3', $9, $10, 1)`,
    [
      id,
      values.organisationId,
      values.responsibleWorkerId ?? null,
      values.status ?? 'active',
      values.endedAt ?? null,
      values.status === 'ended' ? 'goal_reached' : null,
      values.phone ?? '+358401234567',
      values.language ?? 'fi',
      values.anonymisedAt ?? null,
      values.createdAt,
    ],
  );
  return id;
}

export async function insertVisit(
  dataSource: DataSource,
  values: {
    clientId: string;
    siteId: string;
    userId: string;
    organisationId: string;
    startedAt: Date;
  },
): Promise<void> {
  await dataSource.query(
    `INSERT INTO visits (site_id, started_at, channel, client_id, age, age_band,
       logged_by_user_id, logged_by_organisation_id, idempotency_key, note, version)
     VALUES ($1, $2, 'walk_in', $3, 19, '18_24', $4, $5, gen_random_uuid(), 'CV help', 1)`,
    [values.siteId, values.startedAt, values.clientId, values.userId, values.organisationId],
  );
}

export const DAY_MS = 24 * 3600 * 1000;

export async function waitFor<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface ReceivedMail {
  to: string[];
  raw: string;
}

/** A real SMTP server on a free port, keeping what it receives. */
export async function startSmtp(): Promise<{
  server: SMTPServer;
  url: string;
  mails: ReceivedMail[];
}> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { server, url: `smtp://127.0.0.1:${port}`, mails };
}
