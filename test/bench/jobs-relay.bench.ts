import { performance } from 'node:perf_hooks';
import { DAY_MS, JobsHarness, waitFor } from '../e2e/jobs-harness';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';

// Relay and delivery throughput: N due no-contact reminders are scanned into the outbox,
// relayed to the queue and delivered (in-app notification plus e-mail through the logging
// sender) by 4-way concurrent workers. Prints one JSON line; asserts only completeness.
const TOTAL = Number(process.env.BENCH_REMINDERS ?? 2000);
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
});
