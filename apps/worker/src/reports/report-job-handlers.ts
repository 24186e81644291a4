import type { Clock } from '@ohjaamo/jobs';
import { REPORT_VOCABULARY } from '@ohjaamo/db';
import { RollupBuilder } from '@ohjaamo/reports';
import type { DataSource } from 'typeorm';
import { MonthlyReportHandler } from './monthly-report.handler';
import { ReportRollupHandler } from './report-rollup.handler';

/** The report jobs' handlers, sharing one rollup builder. */
export function reportJobHandlers(dataSource: DataSource, clock: Clock) {
  const builder = new RollupBuilder(dataSource, REPORT_VOCABULARY);
  return [
    new ReportRollupHandler(builder, clock),
    new MonthlyReportHandler(dataSource, builder, clock),
  ];
}

/** Cron schedules (Helsinki time) of the report jobs. */
export const REPORT_SCHEDULES = [
  // This month and the previous one, so the dashboard's "this month so far" stays fresh.
  {
    id: 'reports-rollup-recent',
    pattern: '*/10 * * * *',
    name: 'reports.rollup',
    data: { window: 'recent' },
  },
  // The last thirteen months, for entries made late (outcomes, follow-ups, corrections).
  {
    id: 'reports-rollup-year',
    pattern: '40 2 * * *',
    name: 'reports.rollup',
    data: { window: 'year' },
  },
  // Last month's report, final, and the coordinators told.
  { id: 'reports-monthly', pattern: '0 6 1 * *', name: 'reports.monthly', data: {} },
];
