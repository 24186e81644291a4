import { AccessTokenService, permissionsOf, type StaffUser } from '@ohjaamo/identity';
import { addDays, helsinkiDate } from '@ohjaamo/platform';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';

// The record read path: GET one entry and GET the list, each through the access policy
// (client look-up, role, own record or a covering consent in SQL) and the audit write
// (hash-chained, one row per legal basis). Prints one JSON line per scenario; asserts
// nothing about time (machines differ), only that every read succeeded and was audited.
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 100);
const ENTRIES_PER_CLIENT = 4;
const READS = Number(process.env.BENCH_READS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const WARM_UP = 100;
const DEADLINE_MS = 300_000;
const SECTIONS = ['benefits', 'situation', 'agency_notes', 'employment'];

describe('record read path benchmark', () => {
  let t: TestApp;
  let port: number;
  let agent: Agent;
  const subjects: { clientId: string; entryIds: string[] }[] = [];
  let recorder: string;
  let kela: string;

  const tokenFor = async (user: StaffUser): Promise<string> =>
    (
      await t.app.get(AccessTokenService).create(user, {
        name: 'benchmark',
        scopes: [...permissionsOf(user.roles)],
        expiresAt: new Date(Date.now() + 3_600_000),
      })
    ).token;

  const send = (
    method: 'GET' | 'POST',
    path: string,
    token: string,
    body?: object,
  ): Promise<{ status: number; json: unknown }> =>
    new Promise((resolve, reject) => {
      const payload = body ? JSON.stringify(body) : undefined;
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          agent,
          headers: {
            Authorization: `Bearer ${token}`,
            ...(payload
              ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }
              : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null });
          });
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error('request timed out')));
      req.on('error', reject);
      req.end(payload);
    });

  const created = async (path: string, token: string, body: object): Promise<string> => {
    const res = await send('POST', path, token, body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status}`);
    return (res.json as { id: string }).id;
  };

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const fixtures = new Fixtures(t.app);
    const site = await fixtures.site('Ohjaamo Benchmark');
    const youth = await fixtures.organisation('youth_services', 'Nuorisopalvelut');
    const kelaOrg = await fixtures.organisation('kela', 'Kela');
    recorder = await tokenFor(
      await fixtures.user({ roles: ['adviser'], organisation: youth, sites: [site] }),
    );
    kela = await tokenFor(
      await fixtures.user({ roles: ['adviser'], organisation: kelaOrg, sites: [site] }),
    );
    const today = helsinkiDate(new Date());
    for (let i = 0; i < CLIENTS; i++) {
      const clientId = await created('/api/v1/clients', recorder, {
        firstName: `Asiakas${i}`,
        lastName: 'Mittaus',
        acknowledgeDuplicates: true,
      });
      const entryIds: string[] = [];
      for (const section of SECTIONS.slice(0, ENTRIES_PER_CLIENT)) {
        entryIds.push(
          await created(`/api/v1/clients/${clientId}/record/entries`, recorder, {
            section,
            title: 'Tilanne',
            body: 'Hakenut opiskelupaikkaa; seuraava tapaaminen sovittu.',
          }),
        );
      }
      // Every client has given Kela consent to see benefits and situation.
      await created(`/api/v1/clients/${clientId}/consents`, recorder, {
        organisationIds: [kelaOrg.id],
        organisationKinds: [],
        sections: ['benefits', 'situation'],
        purpose: 'Yhteinen suunnitelma',
        validFrom: addDays(today, -30),
        validUntil: addDays(today, 300),
        formVersion: '2026-1',
        formLanguage: 'fi',
        method: 'signed_paper',
      });
      subjects.push({ clientId, entryIds });
    }
  });
  afterAll(async () => {
    agent?.destroy();
    await t.close();
  });

  const auditRows = async (): Promise<number> =>
    Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n as number);

  const measure = async (
    name: string,
    token: string,
    path: (i: number) => string,
  ): Promise<Record<string, unknown>> => {
    const run = async (count: number, offset: number) => {
      const latencies: number[] = [];
      let failures = 0;
      let next = 0;
      const started = performance.now();
      const worker = async (): Promise<void> => {
        while (next < count && performance.now() - started < DEADLINE_MS) {
          const i = offset + next++;
          const sent = performance.now();
          const res = await send('GET', path(i), token).catch(() => ({ status: 0 }));
          latencies.push(performance.now() - sent);
          if (res.status !== 200) failures++;
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      return { latencies, failures, ms: performance.now() - started };
    };
    await run(WARM_UP, 0);
    const before = await auditRows();
    const { latencies, failures, ms } = await run(READS, WARM_UP);
    const audited = (await auditRows()) - before;
    const sorted = [...latencies].sort((a, b) => a - b);
    const pct = (p: number): number =>
      round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
    const result = {
      benchmark: `record-read:${name}`,
      reads: latencies.length,
      concurrency: CONCURRENCY,
      failures,
      auditRows: audited,
      seconds: round(ms / 1000),
      readsPerSecond: round(latencies.length / (ms / 1000)),
      latencyMs: { p50: pct(50), p95: pct(95), p99: pct(99), max: round(sorted.at(-1) ?? 0) },
    };
    console.log(JSON.stringify(result));
    expect(failures).toBe(0);
    // Every read wrote at least one audit row.
    expect(audited).toBeGreaterThanOrEqual(latencies.length);
    return result;
  };

  // Kela reads another agency's benefits entry: the consent decides, in SQL.
  it(`reads ${READS} single entries under consent`, async () => {
    await measure('entry-under-consent', kela, (i) => {
      const s = subjects[i % subjects.length];
      return `/api/v1/clients/${s.clientId}/record/entries/${s.entryIds[0]}`;
    });
  });

  // The recorder reads its own entries: the own-record basis.
  it(`reads ${READS} single own entries`, async () => {
    await measure('entry-own', recorder, (i) => {
      const s = subjects[i % subjects.length];
      return `/api/v1/clients/${s.clientId}/record/entries/${s.entryIds[i % ENTRIES_PER_CLIENT]}`;
    });
  });

  // Kela lists a client's record: two sections shown under consent, two filtered out.
  it(`lists ${READS} records under consent`, async () => {
    await measure('list-under-consent', kela, (i) => {
      const s = subjects[i % subjects.length];
      return `/api/v1/clients/${s.clientId}/record/entries`;
    });
  });
});

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
