import { OUTCOME_GROUPS } from '@ohjaamo/outcomes';
import { PLAN_TYPES } from '@ohjaamo/plans';
import {
  addMonths,
  monthOf,
  monthsBetween,
  ReportsService,
  type ReportVocabulary,
  RollupBuilder,
} from '@ohjaamo/reports';
import { VISIT_CHANNELS } from '@ohjaamo/visits';
import { Client } from 'pg';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../db/data-source-options';
import { generateNationalData, NATIONAL } from './national-data';

// Monthly reports at national scale (docs/benchmarks.md, "Monthly reports"). Works in its
// own database, bench_reports, kept between runs: the data set is generated once (see
// national-data.ts) and the rollups are built once for every month; later runs only time
// the reports. Prints JSON lines; asserts nothing about time.
const DATABASE = process.env.BENCH_REPORTS_DB ?? 'bench_reports';
const RUNS = 5;
const vocabulary: ReportVocabulary = {
  channels: VISIT_CHANNELS,
  planTypes: PLAN_TYPES,
  outcomeGroups: OUTCOME_GROUPS,
};
const lang = { language: 'fi', translate: (key: string) => key };

jest.setTimeout(6 * 3600_000);

describe('monthly report benchmark', () => {
  let ds: DataSource;

  beforeAll(async () => {
    const base = new URL(
      process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    );
    const admin = new Client({ connectionString: base.toString() });
    await admin.connect();
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DATABASE]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
    await admin.end();
    base.pathname = `/${DATABASE}`;
    ds = new DataSource(dataSourceOptions(base.toString(), 4));
    await ds.initialize();
    await ds.runMigrations();
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  const until = new Date();
  const reportMonth = addMonths(monthOf(until), -1);
  let builder: RollupBuilder;

  /** Builds the months not built yet, timing each; returns the total seconds. */
  const buildMissing = async (months: string[], label: string) => {
    const built = new Set(await builder.builtMonths());
    const missing = months.filter((m) => !built.has(m));
    if (missing.length === 0) return;
    const started = performance.now();
    for (const month of missing) {
      const t0 = performance.now();
      await builder.build(month);
      console.log(`rollup ${month}: ${Math.round(performance.now() - t0)} ms`);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      JSON.stringify({
        [label]: missing.length,
        rollup_s: Math.round(seconds),
        per_month_s: +(seconds / missing.length).toFixed(2),
      }),
    );
  };

  it('generates the national data set once and builds the rollups a report needs', async () => {
    builder = new RollupBuilder(ds, vocabulary);
    const [{ n }] = await ds.query<{ n: string }[]>(`SELECT count(*) AS n FROM sites`);
    if (Number(n) === 0) {
      const started = performance.now();
      await generateNationalData(ds, until, (line) => console.log(line));
      console.log(
        JSON.stringify({ generation_s: Math.round((performance.now() - started) / 1000) }),
      );
    }
    const h0 = performance.now();
    await builder.refreshHomeSites();
    console.log(JSON.stringify({ home_sites_refresh_ms: Math.round(performance.now() - h0) }));
    const [{ first }] = await ds.query<{ first: string }[]>(
      `SELECT to_char(min(started_at) AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM') AS first FROM visits`,
    );
    // The first two months (first data, baseline) and the thirteen months a report reads.
    await buildMissing(
      [first, addMonths(first, 1), ...monthsBetween(addMonths(reportMonth, -12), monthOf(until))],
      'rollup_months_for_report',
    );
  });

  it('times one site-month and the national month', async () => {
    const service = new ReportsService(ds, vocabulary, 5);
    const month = reportMonth;
    const [site] = await ds.query<{ id: string }[]>(`SELECT id FROM sites ORDER BY name LIMIT 1`);
    const [{ region }] = await ds.query<{ region: string }[]>(`SELECT region FROM sites LIMIT 1`);
    const time = async (label: string, work: () => Promise<unknown>) => {
      const runs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await work();
        runs.push(Math.round(performance.now() - t0));
      }
      console.log(
        JSON.stringify({ report: label, month, runs_ms: runs, best_ms: Math.min(...runs) }),
      );
    };
    await time('site', () => service.monthlyReport({ kind: 'site', siteId: site.id }, month, lang));
    await time('region', () => service.monthlyReport({ kind: 'region', region }, month, lang));
    await time('national', () => service.monthlyReport({ kind: 'deployment' }, month, lang));
    await time('dashboard national', () =>
      service.dashboard({ kind: 'deployment' }, monthOf(new Date()), lang),
    );
    const [counts] = await ds.query<Record<string, string>[]>(
      `SELECT (SELECT count(*) FROM visits) AS visits, (SELECT count(*) FROM clients) AS clients,
              (SELECT count(*) FROM report_cells) AS cells, (SELECT count(*) FROM report_client_months) AS client_months`,
    );
    console.log(JSON.stringify({ scale: NATIONAL, counts }));
    expect(Number(counts.visits)).toBeGreaterThan(0);
  });
});

describe('monthly report benchmark: the rest of the rollups', () => {
  it('builds every remaining month (BENCH_REPORTS_ALL=1)', async () => {
    if (process.env.BENCH_REPORTS_ALL !== '1') return;
    const base = new URL(
      process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    );
    base.pathname = `/${DATABASE}`;
    const ds = new DataSource(dataSourceOptions(base.toString(), 2));
    await ds.initialize();
    try {
      const builder = new RollupBuilder(ds, vocabulary);
      const [{ first }] = await ds.query<{ first: string }[]>(
        `SELECT to_char(min(started_at) AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM') AS first FROM visits`,
      );
      const built = new Set(await builder.builtMonths());
      const missing = monthsBetween(first, monthOf(new Date())).filter((m) => !built.has(m));
      const started = performance.now();
      for (const month of missing) await builder.build(month);
      const seconds = (performance.now() - started) / 1000;
      console.log(
        JSON.stringify({ remaining_months: missing.length, rollup_s: Math.round(seconds) }),
      );
    } finally {
      await ds.destroy();
    }
  });
});
