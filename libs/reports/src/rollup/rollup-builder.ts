import type { DataSource } from 'typeorm';
import { offerCategories, type ReportVocabulary } from '../report-vocabulary';
import { addMonths, firstDay, monthRange, type ReportMonthKey } from '../report-month';
import {
  INSERT_CELLS,
  INSERT_CLIENT_MONTHS,
  INSERT_YOUTH_GUARANTEE,
  DROP_STALE_HOME_SITES,
  REFRESH_HOME_SITES,
} from './rollup-sql';

export interface BuildOptions {
  /** The month is over and this is its final build (the monthly job's clock). */
  finalisedAt?: Date;
}

/**
 * Rebuilds the rollup rows of whole Helsinki months from the routine records. A month is
 * replaced in one transaction (readers see the old rows or the new, never half), under
 * an advisory lock so two workers never build the same month at once. Safe to run again.
 */
export class RollupBuilder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly vocabulary: ReportVocabulary,
  ) {}

  /**
   * Rebuilds the given months after bringing every young person's home site up to date
   * (once for all of them: client figures of any month are reported under it).
   */
  async buildMonths(months: readonly ReportMonthKey[], options: BuildOptions = {}): Promise<void> {
    if (months.length === 0) return;
    await this.refreshHomeSites();
    for (const month of months) await this.build(month, options);
  }

  async refreshHomeSites(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('report-home-sites'))`);
      await manager.query(REFRESH_HOME_SITES);
      await manager.query(DROP_STALE_HOME_SITES);
    });
  }

  /** Rebuilds one month from the home sites as they stand (see buildMonths). */
  async build(month: ReportMonthKey, options: BuildOptions = {}): Promise<void> {
    const { from, to } = monthRange(month);
    const first = firstDay(month);
    const lastDay = new Date(Date.parse(`${firstDay(addMonths(month, 1))}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    const cohort = monthRange(addMonths(month, -3));
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('report-rollup'), $1)`, [
        Number(month.replace('-', '')),
      ]);
      await manager.query(`DELETE FROM report_cells WHERE month = $1`, [first]);
      await manager.query(`DELETE FROM report_client_months WHERE month = $1`, [first]);
      await manager.query(INSERT_CELLS, [first, from, to, lastDay]);
      await manager.query(INSERT_YOUTH_GUARANTEE, [
        first,
        cohort.from,
        cohort.to,
        offerCategories(this.vocabulary),
      ]);
      await manager.query(INSERT_CLIENT_MONTHS, [first, from, to, lastDay]);
      await manager.query(
        `INSERT INTO report_months (month, built_at, finalised_at)
         VALUES ($1, now(), $2::timestamptz)
         ON CONFLICT (month) DO UPDATE
            SET built_at = now(),
                finalised_at = COALESCE(report_months.finalised_at, EXCLUDED.finalised_at)`,
        [first, options.finalisedAt ?? null],
      );
    });
  }

  /** Months whose rollup exists, "YYYY-MM", oldest first. */
  async builtMonths(): Promise<ReportMonthKey[]> {
    const rows = await this.dataSource.query<{ month: string }[]>(
      `SELECT to_char(month, 'YYYY-MM') AS month FROM report_months ORDER BY month`,
    );
    return rows.map((row) => row.month);
  }
}
