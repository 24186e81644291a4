import { AccessTokenService, permissionsOf } from '@ohjaamo/identity';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';

// Visit creation throughput and latency: N POST /api/v1/visits from C concurrent clients
// over keep-alive connections to the app on the loopback interface. Prints one JSON line;
// asserts nothing about time (machines differ), only that every request succeeded.
const TOTAL = Number(process.env.BENCH_VISITS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const WARM_UP = 100;
// Bounded in time as well as count: a stuck run stops by itself.
const DEADLINE_MS = 300_000;

describe('visit creation benchmark', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    await t.app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await t.close();
  });

  it(`creates ${TOTAL} visits with ${CONCURRENCY} concurrent clients`, async () => {
    const fixtures = new Fixtures(t.app);
    const organisation = await fixtures.organisation('youth_services', 'Nuorisopalvelut');
    const site = await fixtures.site('Ohjaamo Benchmark');
    const user = await fixtures.user({ roles: ['front_desk'], organisation, sites: [site] });
    const { token } = await t.app.get(AccessTokenService).create(user, {
      name: 'benchmark',
      scopes: [...permissionsOf(user.roles)],
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

    // A realistic desk entry: anonymous walk-in with an age, gender, language, municipality and topics.
    const body = (i: number): string =>
      JSON.stringify({
        siteId: site.id,
        channel: 'walk_in',
        age: 15 + (i % 15),
        gender: (['female', 'male', 'other', 'not_told'] as const)[i % 4],
        language: 'fi',
        municipality: 'Helsinki',
        firstVisit: i % 3 === 0,
        topics: i % 2 ? ['work'] : ['education', 'housing'],
        agencyIds: [organisation.id],
        durationMinutes: 10,
      });
    const post = (payload: string): Promise<number> =>
      new Promise((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/v1/visits',
            agent,
            headers: {
              Authorization: `Bearer ${token}`,
              'Content-Type': 'application/json',
              'Content-Length': Buffer.byteLength(payload),
              'Idempotency-Key': randomUUID(),
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.setTimeout(30_000, () => req.destroy(new Error('request timed out')));
        req.on('error', reject);
        req.end(payload);
      });

    // Small bounded pool: CONCURRENCY workers take the next index until TOTAL or the deadline.
    const run = async (
      count: number,
      offset: number,
    ): Promise<{ latencies: number[]; failures: number; ms: number }> => {
      const latencies: number[] = [];
      let failures = 0;
      let next = 0;
      const started = performance.now();
      const worker = async (): Promise<void> => {
        while (next < count && performance.now() - started < DEADLINE_MS) {
          const i = offset + next++;
          const sent = performance.now();
          const status = await post(body(i)).catch(() => 0);
          latencies.push(performance.now() - sent);
          if (status !== 201) failures++;
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      return { latencies, failures, ms: performance.now() - started };
    };

    await run(WARM_UP, 0);
    const { latencies, failures, ms } = await run(TOTAL, WARM_UP);
    agent.destroy();

    const sorted = [...latencies].sort((a, b) => a - b);
    const percentile = (p: number): number =>
      round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
    const result = {
      benchmark: 'visit-create',
      visits: latencies.length,
      concurrency: CONCURRENCY,
      failures,
      seconds: round(ms / 1000),
      visitsPerSecond: round(latencies.length / (ms / 1000)),
      latencyMs: {
        p50: percentile(50),
        p95: percentile(95),
        p99: percentile(99),
        max: round(sorted[sorted.length - 1]),
      },
      databasePoolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      node: process.version,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);

    expect(failures).toBe(0);
    expect(latencies).toHaveLength(TOTAL);
    const [rows] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM visits WHERE site_id = $1`,
      [site.id],
    );
    expect(rows.n).toBe(TOTAL + WARM_UP);
  });
});

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
