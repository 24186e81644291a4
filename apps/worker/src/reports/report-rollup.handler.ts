import { type Clock, JobHandler, queueOf } from '@ohjaamo/jobs';
import {
  addMonths,
  isReportMonth,
  monthOf,
  type ReportMonthKey,
  RollupBuilder,
} from '@ohjaamo/reports';
import type { Job } from 'bullmq';

/**
 * Keeps the report rollups current. Payloads: `{ window: 'recent' }` (this month and the
 * previous one, every few minutes), `{ window: 'year' }` (the last thirteen months,
 * nightly, for late entries such as an outcome recorded with an earlier start), or
 * `{ month: 'YYYY-MM' }` (a month a report page found missing).
 */
export class ReportRollupHandler implements JobHandler<Record<string, string>> {
  readonly jobName = 'reports.rollup';
  readonly queue = queueOf('reports.rollup');

  constructor(
    private readonly builder: RollupBuilder,
    private readonly clock: Clock,
  ) {}

  async handle(job: Job<Record<string, string>>): Promise<{ built: ReportMonthKey[] }> {
    return this.run(job.data);
  }

  async run(payload: Record<string, string>): Promise<{ built: ReportMonthKey[] }> {
    const months = this.monthsOf(payload);
    await this.builder.buildMonths(months);
    return { built: months };
  }

  private monthsOf(payload: Record<string, string>): ReportMonthKey[] {
    const current = monthOf(this.clock.now());
    if (isReportMonth(payload.month)) return payload.month <= current ? [payload.month] : [];
    const back = payload.window === 'year' ? 12 : 1;
    return Array.from({ length: back + 1 }, (_, i) => addMonths(current, i - back));
  }
}
