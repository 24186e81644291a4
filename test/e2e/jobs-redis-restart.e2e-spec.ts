import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, helsinkiDate, parseHelsinkiLocal } from '@ohjaamo/platform';
import type { OutboxRelay } from '../../apps/worker/src/relay/outbox-relay';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { JobsHarness, startSmtp, waitFor } from './jobs-harness';
import {
  insertContactableClient,
  insertOutcomeWithFollowUp,
  insertPlan,
} from './reminder-fixtures';

const REDIS_SERVER = '/usr/bin/redis-server';

/** A Redis of this test's own, with an append-only file so a restart keeps its queues. */
class PrivateRedis {
  private process?: ChildProcess;
  readonly port = 30000 + Math.floor(Math.random() * 10000);
  private readonly dir = mkdtempSync(join(tmpdir(), 'ohjaamo-redis-'));

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.process = spawn(
      REDIS_SERVER,
      [
        ...['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir],
        ...['--appendonly', 'yes', '--appendfsync', 'always', '--save', ''],
        ...['--maxmemory-policy', 'noeviction'],
      ],
      { stdio: 'ignore' },
    );
    await waitFor(
      () => this.ping(),
      (ok) => ok,
      10_000,
    );
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private ping(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = createConnection({ port: this.port, host: '127.0.0.1' }, () =>
        socket.write('PING\r\n'),
      );
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
      socket.once('error', () => resolve(false));
    });
  }
}

// The queue backend here is a real Redis, stopped and started again; the PostgreSQL
// backend's equivalent (backend unreachable) runs in jobs-reminder-kinds.
const describeWithRedis =
  process.env.REDIS_URL && existsSync(REDIS_SERVER) ? describe : describe.skip;

describeWithRedis('reminders while Redis is stopped and restarted', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let redis: PrivateRedis;
  let jobs: JobsHarness;
  let relay: OutboxRelay;

  beforeAll(async () => {
    t = await createTestApp();
    smtp = await startSmtp();
    redis = new PrivateRedis();
    await redis.start();
    jobs = new JobsHarness(t.dataSource, t.databaseUrl, smtp.url, redis.url);
    for (const queue of jobs.queues.all()) queue.on('error', () => undefined);
    const today = helsinkiDate(new Date());
    jobs.clock.current = parseHelsinkiLocal(`${today}T12:00`)!;
    jobs.startWorkers();
    relay = jobs.relay({
      batchSize: 4,
      maxBackoffMs: 300,
      addTimeoutMs: 500,
      listenUrl: t.databaseUrl,
    });
    await relay.start();
  });

  afterAll(async () => {
    await relay?.stop();
    await jobs?.close().catch(() => undefined);
    await redis?.stop();
    redis?.remove();
    await new Promise<void>((resolve) => smtp?.server.close(() => resolve()));
    await t?.close();
  });

  it('delivers every reminder of a burst once: those before the stop, and those written while Redis was down', async () => {
    const fixtures = new Fixtures(t.app);
    const organisation = await fixtures.organisation();
    const worker = await fixtures.user({ roles: ['adviser'], organisation, language: 'fi' });
    const today = helsinkiDate(jobs.clock.now());
    const clientsWithFollowUps = async (count: number, sms: boolean): Promise<string[]> => {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const clientId = await insertContactableClient(t.dataSource, {
          organisationId: organisation.id,
          responsibleWorkerId: worker.id,
          preferredContact: sms ? 'sms' : null,
        });
        await insertOutcomeWithFollowUp(t.dataSource, {
          clientId,
          recorder: worker,
          dueOn: today,
        });
        if (sms) {
          await insertPlan(t.dataSource, {
            clientId,
            author: worker,
            startDate: addDays(today, -10),
            actions: [
              { what: 'Hakee', responsible: { kind: 'young_person' }, dueDate: addDays(today, 1) },
            ],
          });
        }
        ids.push(clientId);
      }
      return ids;
    };
    const notifications = async (): Promise<number> =>
      (
        await t.dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1`,
          [worker.id],
        )
      )[0].n;
    const mails = (): number => smtp.mails.filter((m) => m.to.includes(worker.email)).length;
    const sms = (ids: string[]): number => jobs.sms.sent.filter((id) => ids.includes(id)).length;

    // Before the stop: delivered through the running relay and workers.
    await clientsWithFollowUps(6, false);
    expect((await jobs.scan.scan('follow_up_due')).enqueued).toBe(6);
    await waitFor(notifications, (n) => n >= 6);

    await redis.stop();
    // While Redis is down, the changes and the scans still commit; the rows wait.
    const young = await clientsWithFollowUps(6, true);
    expect((await jobs.scan.scan('follow_up_due')).enqueued).toBe(6);
    expect((await jobs.scan.scan('plan_action_due')).enqueued).toBe(6);
    await waitFor(
      () => Promise.resolve(relay.consecutiveFailures),
      (n) => n >= 2,
      15_000,
    );
    const [{ waiting }] = await t.dataSource.query<{ waiting: number }[]>(
      `SELECT count(*)::int AS waiting FROM outbox WHERE relayed_at IS NULL`,
    );
    expect(waiting).toBe(12);
    expect(sms(young)).toBe(0);

    await redis.start();
    await waitFor(notifications, (n) => n >= 12, 60_000);
    await waitFor(
      () => Promise.resolve(sms(young)),
      (n) => n >= 6,
      60_000,
    );
    await waitFor(
      () => Promise.resolve(mails()),
      (n) => n >= 12,
      60_000,
    );
    expect((await jobs.scan.scan('follow_up_due')).enqueued).toBe(0);
    expect((await jobs.scan.scan('plan_action_due')).enqueued).toBe(0);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await notifications()).toBe(12);
    expect(mails()).toBe(12);
    for (const id of young) expect(sms([id])).toBe(1);
  });
});
