import { addDays, helsinkiDate, parseHelsinkiLocal } from '@ohjaamo/platform';
import { performance } from 'node:perf_hooks';
import { DAY_MS, JobsHarness, waitFor } from '../e2e/jobs-harness';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';

// Relay and delivery throughput: N due no-contact reminders are scanned into the outbox,
// relayed to the queue and delivered (in-app notification plus e-mail through the logging
// sender) by 4-way concurrent workers. Prints one JSON line; asserts only completeness.
const TOTAL = Number(process.env.BENCH_REMINDERS ?? 2000);
// Reminders to young people by SMS (plan actions, through the logging SMS provider).
const SMS_TOTAL = Number(process.env.BENCH_SMS ?? 1000);
// Bounded in time as well as count: a stuck run stops by itself.
const DEADLINE_MS = 300_000;

describe('outbox relay and delivery benchmark', () => {
  let t: TestApp;
  let jobs: JobsHarness;

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'warn' });
    jobs = new JobsHarness(t.dataSource, t.databaseUrl);
  });
  afterAll(async () => {
    await jobs?.close();
    await t?.close();
  });

  it(`relays and delivers ${TOTAL} reminders`, async () => {
    const fixtures = new Fixtures(t.app);
    const organisation = await fixtures.organisation();
    const site = await fixtures.site();
    const worker = await fixtures.user({ roles: ['adviser'], organisation, sites: [site] });
    // Clients with no contact for 100 days, written in one statement.
    await t.dataSource.query(
      `INSERT INTO clients (first_name, last_name, first_name_key, last_name_key,
         created_by_organisation_id, responsible_worker_id, created_at, version)
       SELECT 'Bench', 'Client', 'bench', 'client', $1, $2, $3, 1 FROM generate_series(1, $4)`,
      [organisation.id, worker.id, new Date(Date.now() - 100 * DAY_MS), TOTAL],
    );

    const t0 = performance.now();
    const scan = await jobs.scan.scan('no_contact');
    const t1 = performance.now();
    const relayed = await jobs.relay({ batchSize: 500 }).drain();
    const t2 = performance.now();
    jobs.startWorkers();
    const delivered = await waitFor(
      async () =>
        Number(
          (
            await t.dataSource.query(
              `SELECT count(*)::int AS n FROM deliveries WHERE recipient_id = $1`,
              [worker.id],
            )
          )[0].n,
        ),
      (n) => n >= 2 * TOTAL,
      DEADLINE_MS,
    );
    const t3 = performance.now();

    const result = {
      backend: process.env.REDIS_URL ? 'redis' : 'postgres',
      reminders: TOTAL,
      scanMs: Math.round(t1 - t0),
      scanPerS: Math.round((TOTAL / (t1 - t0)) * 1000),
      relayMs: Math.round(t2 - t1),
      relayJobsPerS: Math.round((relayed / (t2 - t1)) * 1000),
      deliverMs: Math.round(t3 - t2),
      deliverJobsPerS: Math.round((TOTAL / (t3 - t2)) * 1000),
      deliveriesPerS: Math.round((delivered / (t3 - t2)) * 1000),
    };
    process.stdout.write(`\n${JSON.stringify(result)}\n`);
    expect(scan.enqueued).toBe(TOTAL);
    expect(relayed).toBe(TOTAL);
    expect(delivered).toBe(2 * TOTAL);
  });

  it(`relays and delivers ${SMS_TOTAL} SMS reminders to young people`, async () => {
    const fixtures = new Fixtures(t.app);
    const organisation = await fixtures.organisation();
    const worker = await fixtures.user({ roles: ['adviser'], organisation });
    // Noon in Helsinki, so no message waits for the end of quiet hours.
    const today = helsinkiDate(new Date());
    jobs.clock.current = parseHelsinkiLocal(`${today}T12:00`)!;
    const clients: string[] = (
      await t.dataSource.query<{ id: string }[]>(
        `INSERT INTO clients (first_name, last_name, first_name_key, last_name_key,
           created_by_organisation_id, responsible_worker_id, phone, preferred_contact, version)
         SELECT 'Bench', 'Young', 'bench', 'young', $1, $2, '+358401234567', 'sms', 1
           FROM generate_series(1, $3)
         RETURNING id`,
        [organisation.id, worker.id, SMS_TOTAL],
      )
    ).map((row) => row.id);
    const content = {
      goals: [],
      actions: [
        {
          what: 'Hakee',
          responsible: { kind: 'young_person' },
          dueDate: addDays(today, 2),
          status: 'open',
        },
      ],
      concern: null,
      ifAgreementsNotKept: null,
      participants: [],
    };
    await t.dataSource.query(
      `INSERT INTO plans (client_id, type, start_date, content, version, updated_by_user_id)
       SELECT id, 'shared_service_plan', $2, $3, 1, $4 FROM unnest($1::uuid[]) AS id`,
      [clients, today, JSON.stringify(content), worker.id],
    );

    const t0 = performance.now();
    const scan = await jobs.scan.scan('plan_action_due');
    const t1 = performance.now();
    // The workers of the first run are already waiting: here relay and delivery overlap,
    // so the figure is end to end, from the outbox to the provider.
    jobs.startWorkers();
    const relayed = await jobs.relay({ batchSize: 500 }).drain();
    const delivered = await waitFor(
      async () =>
        Number(
          (
            await t.dataSource.query(
              `SELECT count(*)::int AS n FROM deliveries
                WHERE kind = 'plan_action_due' AND recipient_id = ANY($1::uuid[])`,
              [clients],
            )
          )[0].n,
        ),
      (n) => n >= SMS_TOTAL,
      DEADLINE_MS,
    );
    const t3 = performance.now();

    const result = {
      backend: process.env.REDIS_URL ? 'redis' : 'postgres',
      smsReminders: SMS_TOTAL,
      scanPerS: Math.round((SMS_TOTAL / (t1 - t0)) * 1000),
      relayAndDeliverMs: Math.round(t3 - t1),
      smsPerS: Math.round((delivered / (t3 - t1)) * 1000),
    };
    process.stdout.write(`\n${JSON.stringify(result)}\n`);
    expect(scan.enqueued).toBe(SMS_TOTAL);
    expect(relayed).toBe(SMS_TOTAL);
    expect(delivered).toBe(SMS_TOTAL);
    expect(jobs.sms.sent.length).toBe(SMS_TOTAL);
  });
});
