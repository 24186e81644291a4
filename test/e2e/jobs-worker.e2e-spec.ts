import { Test, type TestingModule } from '@nestjs/testing';
import { Outbox, QUEUES } from '@ohjaamo/jobs';
import { AppConfig, Queues } from '@ohjaamo/platform';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { JobRegistry } from '../../apps/worker/src/job-registry';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { DAY_MS, insertClient, insertVisit, waitFor } from './jobs-harness';

describe('worker process', () => {
  let t: TestApp;
  let worker: TestingModule;

  beforeAll(async () => {
    // The api creates the data; the worker runs on the same database and queue prefix.
    t = await createTestApp({
      WORKER_HEALTH_PORT: String(40000 + Math.floor(Math.random() * 20000)),
      QUEUE_PREFIX: `{w${randomBytes(4).toString('hex')}}`,
    });
    worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    worker.enableShutdownHooks();
    await worker.init();
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('boots with a handler for every job name and upserts its schedulers', async () => {
    expect(worker.get(JobRegistry).missingHandlers()).toEqual([]);
    const queues = worker.get(Queues);
    const notifications = await queues.get(QUEUES.notifications).getJobSchedulers();
    const maintenance = await queues.get(QUEUES.maintenance).getJobSchedulers();
    expect(notifications.map((s) => s.key ?? s.id)).toContain('reminder-scan-no_contact');
    expect(maintenance.map((s) => s.key ?? s.id)).toContain('retention-anonymise');
    expect(notifications.map((s) => s.key ?? s.id)).toEqual(
      expect.arrayContaining([
        'reminder-scan-follow_up_due',
        'reminder-scan-plan_review',
        'reminder-scan-plan_action_due',
        'reminder-scan-consent_expiring',
        'reminder-scan-consent_expired',
        'reminder-scan-concern_overdue',
      ]),
    );
    expect(maintenance.map((s) => s.key ?? s.id)).toEqual(
      expect.arrayContaining(['consent-expire', 'outbox-prune']),
    );
  });

  it('reports the outbox backlog on its metrics port', async () => {
    const port = worker.get(AppConfig).WORKER_HEALTH_PORT;
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    const text = await res.text();
    expect(text).toMatch(/^outbox_rows_waiting \d+$/m);
    expect(text).toMatch(/^outbox_oldest_waiting_seconds \d+$/m);
  });

  it('runs a scan written to the outbox through relay, queue and delivery', async () => {
    const fixtures = new Fixtures(t.app);
    const organisation = await fixtures.organisation();
    const site = await fixtures.site();
    const staff = await fixtures.user({ roles: ['adviser'], organisation, sites: [site] });
    const clientId = await insertClient(t.dataSource, {
      organisationId: organisation.id,
      responsibleWorkerId: staff.id,
      createdAt: new Date(Date.now() - 400 * DAY_MS),
    });
    await insertVisit(t.dataSource, {
      clientId,
      siteId: site.id,
      userId: staff.id,
      organisationId: organisation.id,
      startedAt: new Date(Date.now() - 90 * DAY_MS),
    });
    const dataSource = worker.get(DataSource);
    await dataSource.transaction((m) =>
      Outbox.enqueue(
        m,
        'reminder.scan',
        { kind: 'no_contact' },
        { dedupeKey: `test-scan-${clientId}` },
      ),
    );
    const count = await waitFor(
      async () =>
        (
          await t.dataSource.query(
            `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1`,
            [staff.id],
          )
        )[0].n as number,
      (n) => n >= 1,
      30_000,
    );
    expect(count).toBe(1);
  });
});
