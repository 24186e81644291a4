import { AccessTokenService, permissionsOf, type Site, type StaffUser } from '@ohjaamo/identity';
import {
  addMonths,
  monthOf,
  type MonthlyReport,
  ReportsService,
  type ReportScope,
} from '@ohjaamo/reports';
import { randomUUID } from 'node:crypto';
import { ReportRollupHandler } from '../../apps/worker/src/reports/report-rollup.handler';
import { RollupBuilder } from '@ohjaamo/reports';
import { REPORT_VOCABULARY } from '@ohjaamo/db';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { TestClock } from './jobs-harness';
import { independentFigure } from './report-independent-counts';
import { seedReportData } from './report-fixtures';

// Every figure of the monthly report (three scopes × three month columns, and the current
// month) against an independent count made here with plain SQL over the source tables.
// The rollups are built by the worker's own job handler; the report is read unsuppressed
// (threshold 1) so each number can be compared; suppression has its own tests.
describe('monthly report figures', () => {
  let t: TestApp;
  let sites: Site[];
  let adviser: StaffUser;
  let unsuppressed: ReportsService;
  const lang = { language: 'en', translate: (key: string) => key };
  const now = new Date();
  const current = monthOf(now);
  const reportMonth = '2026-10';

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    const fixtures = new Fixtures(t.app);
    const youth = await fixtures.organisation('youth_services', 'Nuorisopalvelut');
    const kela = await fixtures.organisation('kela', 'Kela');
    sites = [
      await fixtures.site('Ohjaamo A'),
      await fixtures.site('Ohjaamo B'),
      await fixtures.site('Ohjaamo C'),
    ];
    await t.dataSource.query(`UPDATE sites SET region = 'Pirkanmaa' WHERE id = $1`, [sites[2].id]);
    adviser = await fixtures.user({ roles: ['adviser', 'front_desk'], organisation: youth, sites });
    await seedReportData(t.dataSource, {
      siteIds: sites.map((s) => s.id),
      organisationIds: [youth.id, kela.id],
      userId: adviser.id,
      organisationId: youth.id,
      from: new Date('2025-06-01T00:00:00Z'),
      until: new Date(Math.min(now.getTime() - 3_600_000, Date.parse('2026-11-20T00:00:00Z'))),
    });

    // This month through the real API: a client with a gender, and visits logged at the desk.
    const { token } = await t.app.get(AccessTokenService).create(adviser, {
      name: `reports ${randomUUID()}`,
      scopes: [...permissionsOf(adviser.roles)],
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const bearer = { Authorization: `Bearer ${token}` };
    const created = await t.http
      .post('/api/v1/clients')
      .set(bearer)
      .send({
        firstName: 'Raportti',
        lastName: 'Testinen',
        birthDate: '2005-04-01',
        gender: 'female',
        language: 'sv',
      })
      .expect(201);
    expect(created.body.details.gender).toBe('female');
    for (const body of [
      { clientId: created.body.id, channel: 'walk_in', topics: ['work'], firstVisit: true },
      { clientId: created.body.id, channel: 'phone', topics: ['housing'], agencyIds: [kela.id] },
      { channel: 'chat', topics: ['education'], age: 17, firstVisit: true },
    ]) {
      await t.http
        .post('/api/v1/visits')
        .set(bearer)
        .set('Idempotency-Key', randomUUID())
        .send({ siteId: sites[0].id, ...body })
        .expect(201);
    }

    const handler = new ReportRollupHandler(
      new RollupBuilder(t.dataSource, REPORT_VOCABULARY),
      new TestClock(now),
    );
    // Month by month, as the worker meets them.
    for (let m = '2025-06'; m <= current; m = addMonths(m, 1)) await handler.run({ month: m });
    unsuppressed = new ReportsService(t.dataSource, REPORT_VOCABULARY, 1);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  const compareEveryFigure = async (
    scope: ReportScope,
    siteIds: string[] | null,
    month: string,
  ) => {
    const report: MonthlyReport = await unsuppressed.monthlyReport(scope, month, lang);
    expect(report.built).toBe(true);
    const mismatches: string[] = [];
    let compared = 0;
    for (const section of report.sections) {
      for (const row of section.rows) {
        if (row.values.every((v) => v.text === '')) continue; // a heading row
        for (let c = 0; c < report.columns.length; c++) {
          const expected = await independentFigure(
            t.dataSource,
            row.key,
            report.columns[c],
            siteIds,
          );
          const actual = row.values[c].value;
          compared++;
          if (
            (expected ?? null) !== (actual ?? null) &&
            !(expected === 0 && actual === null && row.kind !== 'count')
          ) {
            mismatches.push(
              `${row.key} ${report.columns[c]}: report ${actual}, independent ${expected}`,
            );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    return { report, compared };
  };

  it('matches every figure of the whole deployment, its previous month and a year earlier', async () => {
    const { report, compared } = await compareEveryFigure(
      { kind: 'deployment' },
      null,
      reportMonth,
    );
    expect(compared).toBeGreaterThan(200);
    // The data set is not empty where it matters.
    const total = report.sections[0].rows.find((r) => r.key === 'visits.total')!;
    expect(total.values.map((v) => v.value)).toEqual(expect.arrayContaining([expect.any(Number)]));
    expect(total.values[0].value).toBeGreaterThan(5);
    // Every section has data somewhere in the set (so every comparison above can fail).
    const [{ events, meetings, hired }] = await t.dataSource.query<Record<string, string>[]>(
      `SELECT (SELECT count(*) FROM recruitment_events) AS events,
              (SELECT count(*) FROM event_meetings) AS meetings,
              (SELECT count(*) FROM event_follow_ups WHERE hired) AS hired`,
    );
    expect([events, meetings, hired].map(Number).every((n) => n > 0)).toBe(true);
  });

  it('matches every figure of a region (sites counted together, people counted once)', async () => {
    await compareEveryFigure(
      { kind: 'region', region: 'Uusimaa' },
      [sites[0].id, sites[1].id],
      reportMonth,
    );
  });

  it('matches every figure of one site', async () => {
    await compareEveryFigure({ kind: 'site', siteId: sites[2].id }, [sites[2].id], reportMonth);
  });

  it('matches this month so far, including what was entered through the API', async () => {
    const { report } = await compareEveryFigure(
      { kind: 'site', siteId: sites[0].id },
      [sites[0].id],
      current,
    );
    const rows = new Map(report.sections.flatMap((s) => s.rows).map((r) => [r.key, r]));
    expect(rows.get('young.gender.female')!.values[0].value).toBeGreaterThanOrEqual(1);
    expect(rows.get('visits.channel.chat')!.values[0].value).toBeGreaterThanOrEqual(1);
  });

  it('counts a visit at 00:30 on 1 November (Helsinki) in November, not October', async () => {
    const [{ n }] = await t.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM visits WHERE started_at = '2026-10-31T22:30:00Z'`,
    );
    expect(Number(n)).toBe(1);
    const october = await t.dataSource.query<{ value: string }[]>(
      `SELECT sum(value) AS value FROM report_cells WHERE month = '2026-10-01' AND metric = 'visits.total'`,
    );
    const independent = await independentFigure(t.dataSource, 'visits.total', '2026-10', null);
    expect(Number(october[0].value)).toBe(independent);
  });

  it('shows the indicators with a baseline from the first full month of data', async () => {
    const report = await unsuppressed.monthlyReport({ kind: 'deployment' }, reportMonth, lang);
    expect(report.indicators.length).toBeLessThanOrEqual(10);
    for (const indicator of report.indicators) {
      expect(indicator.baseline?.month).toBe('2025-07');
      expect(indicator.trend).toHaveLength(12);
      expect(indicator.trend[11].month).toBe(reportMonth);
    }
    const visits = report.indicators.find((i) => i.key === 'visits')!;
    expect(visits.baseline!.value.value).toBe(
      await independentFigure(t.dataSource, 'visits.total', '2025-07', null),
    );
  });
});
