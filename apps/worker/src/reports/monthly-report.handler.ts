import { type Clock, JobHandler, Outbox, queueOf } from '@ohjaamo/jobs';
import { addMonths, monthOf, type ReportMonthKey, RollupBuilder } from '@ohjaamo/reports';
import type { DataSource } from 'typeorm';

/**
 * On the 1st of each month (Helsinki): builds last month's rollup once more, now final,
 * and has the coordinators told that the report is ready (the `report_ready` reminder,
 * through the outbox; its delivery ledger makes a second run tell nobody twice).
 */
export class MonthlyReportHandler implements JobHandler<Record<string, string>> {
  readonly jobName = 'reports.monthly';
  readonly queue = queueOf('reports.monthly');

  constructor(
    private readonly dataSource: DataSource,
    private readonly builder: RollupBuilder,
    private readonly clock: Clock,
  ) {}

  async handle(): Promise<{ month: ReportMonthKey }> {
    return this.run();
  }

  async run(): Promise<{ month: ReportMonthKey }> {
    const month = addMonths(monthOf(this.clock.now()), -1);
    await this.builder.buildMonths([month], { finalisedAt: this.clock.now() });
    await this.dataSource.transaction((manager) =>
      Outbox.enqueue(
        manager,
        'reminder.scan',
        { kind: 'report_ready' },
        { dedupeKey: `report_ready|${month}` },
      ),
    );
    return { month };
  }
}
