import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';
import { bearerFor, consentBody, type Headers } from '../e2e/consent-fixtures';

// The shared record's read path as another agency meets it: the access policy (consent
// lookup in SQL), the entries and an audit row per section read, through the REST list
// and through the client page (which also reads the visibility notes and the registry).
// N requests of each from C concurrent clients; prints one JSON line per path and asserts
// only that every request succeeded and was audited.
const TOTAL = Number(process.env.BENCH_READS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const WARM_UP = 40;
const DEADLINE_MS = 300_000;
const SECTIONS = ['situation', 'benefits', 'employment', 'health_social', 'agency_notes'];

describe('client page read benchmark', () => {
  let t: TestApp;
  let port: number;
  let kela: Headers;
  let clientId: string;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    const fixtures = new Fixtures(t.app);
    const site = await fixtures.site();
    const youth = await fixtures.organisation('youth_services', 'Nuorisopalvelut');
    const kelaOrg = await fixtures.organisation('kela', 'Kela');
    const recorder = await bearerFor(
      t,
      await fixtures.user({ roles: ['adviser'], organisation: youth, sites: [site] }),
    );
    kela = await bearerFor(
      t,
      await fixtures.user({ roles: ['adviser'], organisation: kelaOrg, sites: [site] }),
    );
    const created = await t.http
      .post('/api/v1/clients')
      .set(recorder)
      .send({ firstName: 'Mittari', lastName: 'Testinen', acknowledgeDuplicates: true })
      .expect(201);
    clientId = (created.body as { id: string }).id;
    // 20 entries in five sections; Kela's consent covers two of them.
    for (let i = 0; i < 20; i++) {
      await t.http
        .post(`/api/v1/clients/${clientId}/record/entries`)
        .set(recorder)
        .send({
          section: SECTIONS[i % 5],
          title: `Merkintä ${i}`,
          body: 'Tilanne etenee. '.repeat(20),
        })
        .expect(201);
    }
    await t.http
      .post(`/api/v1/clients/${clientId}/consents`)
      .set(recorder)
      .send(consentBody({ organisationKinds: ['kela'], sections: ['benefits', 'situation'] }))
      .expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  const measure = async (name: string, path: string): Promise<void> => {
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const get = (): Promise<number> =>
      new Promise((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port, method: 'GET', path, agent, headers: kela },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.setTimeout(30_000, () => req.destroy(new Error('request timed out')));
        req.on('error', reject);
        req.end();
      });
    const run = async (count: number) => {
      const latencies: number[] = [];
      let failures = 0;
      let next = 0;
      const started = performance.now();
      const worker = async (): Promise<void> => {
        while (next < count && performance.now() - started < DEADLINE_MS) {
          next++;
          const sent = performance.now();
          const status = await get().catch(() => 0);
          latencies.push(performance.now() - sent);
          if (status !== 200) failures++;
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      return { latencies, failures, ms: performance.now() - started };
    };
    await run(WARM_UP);
    const [before] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`);
    const { latencies, failures, ms } = await run(TOTAL);
    const [after] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`);
    agent.destroy();
    const sorted = [...latencies].sort((a, b) => a - b);
    const percentile = (p: number): number =>
      round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
    const result = {
      benchmark: `record-read:${name}`,
      requests: latencies.length,
      concurrency: CONCURRENCY,
      failures,
      requestsPerSecond: round(latencies.length / (ms / 1000)),
      auditRowsPerRequest: round((after.n - before.n) / latencies.length),
      latencyMs: {
        p50: percentile(50),
        p95: percentile(95),
        p99: percentile(99),
        max: round(sorted[sorted.length - 1]),
      },
      node: process.version,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    expect(failures).toBe(0);
    expect(latencies).toHaveLength(TOTAL);
    expect(after.n - before.n).toBeGreaterThanOrEqual(TOTAL);
  };

  it(`lists the record ${TOTAL} times as another agency under consent (REST)`, async () => {
    await measure('api-list', `/api/v1/clients/${clientId}/record/entries`);
  });

  it(`renders the client page ${TOTAL} times as another agency under consent`, async () => {
    await measure('client-page', `/clients/${clientId}`);
  });
});

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
