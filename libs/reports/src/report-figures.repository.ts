import type { DataSource } from 'typeorm';
import type { MonthFigures } from './report-model';
import { firstDay, type ReportMonthKey } from './report-month';

/**
 * Reads rolled-up figures: sums of site-month cells and distinct counts over
 * client-months, for a set of sites (null: the whole deployment, including client events
 * of young people without a home site). Never reads a client record.
 */
export class ReportFiguresRepository {
  constructor(private readonly dataSource: DataSource) {}

  async figures(siteIds: string[] | null, months: ReportMonthKey[]): Promise<MonthFigures[]> {
    const days = [...new Set(months)].map(firstDay);
    const [cells, young] = await Promise.all([
      this.dataSource.query<{ month: string; metric: string; dimension: string; value: string }[]>(
        `SELECT to_char(month, 'YYYY-MM') AS month, metric, dimension, sum(value)::bigint AS value
           FROM report_cells
          WHERE month = ANY($1::date[]) AND ($2::uuid[] IS NULL OR site_id = ANY($2::uuid[]))
          GROUP BY month, metric, dimension`,
        [days, siteIds],
      ),
      this.dataSource.query<
        {
          month: string;
          age_band: string | null;
          gender: string | null;
          language: string | null;
          n: string;
          g: number;
        }[]
      >(
        `SELECT to_char(month, 'YYYY-MM') AS month, age_band, gender, language,
                count(DISTINCT client_id) AS n, GROUPING(age_band, gender, language) AS g
           FROM report_client_months
          WHERE month = ANY($1::date[]) AND ($2::uuid[] IS NULL OR site_id = ANY($2::uuid[]))
          GROUP BY GROUPING SETS ((month), (month, age_band), (month, gender), (month, language))`,
        [days, siteIds],
      ),
    ]);
    return months.map((month) => {
      const cellMap = new Map<string, number>();
      const waits = new Map<number, number>();
      for (const row of cells.filter((c) => c.month === month)) {
        const value = Number(row.value);
        if (row.metric === 'wait.minute') waits.set(Number(row.dimension), value);
        else cellMap.set(`${row.metric}|${row.dimension}`, value);
      }
      const youngPeople = {
        total: 0,
        ageBand: new Map<string, number>(),
        gender: new Map<string, number>(),
        language: new Map<string, number>(),
      };
      for (const row of young.filter((y) => y.month === month)) {
        const n = Number(row.n);
        // GROUPING bits: age_band 4, gender 2, language 1 (1 = not grouped by it).
        if (row.g === 7) youngPeople.total = n;
        else if (row.g === 3) youngPeople.ageBand.set(row.age_band!, n);
        else if (row.g === 5) youngPeople.gender.set(row.gender!, n);
        else if (row.g === 6) youngPeople.language.set(row.language!, n);
      }
      return { month, cells: cellMap, youngPeople, waits };
    });
  }

  /** The sites of a scope: one site, a region's sites, or null for the deployment. */
  async siteIds(scope: ReportScope): Promise<string[] | null> {
    if (scope.kind === 'deployment') return null;
    if (scope.kind === 'site') return [scope.siteId];
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM sites WHERE region = $1 ORDER BY id`,
      [scope.region],
    );
    return rows.map((row) => row.id);
  }

  /** The first month with any visit in the scope, "YYYY-MM", or null. */
  async firstMonthWithVisits(siteIds: string[] | null): Promise<ReportMonthKey | null> {
    const [row] = await this.dataSource.query<{ month: string | null }[]>(
      `SELECT to_char(min(month), 'YYYY-MM') AS month FROM report_cells
        WHERE metric = 'visits.total' AND ($1::uuid[] IS NULL OR site_id = ANY($1::uuid[]))`,
      [siteIds],
    );
    return row?.month ?? null;
  }

  async isBuilt(month: ReportMonthKey): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM report_months WHERE month = $1`,
      [firstDay(month)],
    );
    return rows.length > 0;
  }
}

export type ReportScope =
  { kind: 'deployment' } | { kind: 'region'; region: string } | { kind: 'site'; siteId: string };
