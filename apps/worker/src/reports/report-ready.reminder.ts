import { firstDay } from '@ohjaamo/reports';
import type { EntityManager } from 'typeorm';
import { ReminderBase } from '../reminders/reminder-base';
import type { DueReminder } from '../reminders/reminder-definition';

// Reports finalised this long ago or less are announced; a coordinator added meanwhile
// still hears of the latest one.
const ANNOUNCE_DAYS = 7;

/** A month's report is final → every active coordinator, in the app and by e-mail. */
export class ReportReadyReminder extends ReminderBase {
  readonly kind = 'report_ready';
  /** The monthly job triggers the scan itself; this daily scan only catches up. */
  readonly schedule = '0 9 * * *';
  readonly messageKey = 'reports.ready_message';
  readonly emailTemplate = 'report-ready.email';

  override params(due: DueReminder): Record<string, string | number> {
    return { month: due.subjectId };
  }

  link(due: DueReminder): string {
    return `/reports/month?month=${due.subjectId}`;
  }

  protected async dueOf(
    manager: EntityManager,
    now: Date,
    month: string | null,
  ): Promise<DueReminder[]> {
    const rows = await manager.query<{ month: string; recipient: string }[]>(
      `SELECT to_char(r.month, 'YYYY-MM') AS month, u.id AS recipient
         FROM report_months r
         JOIN staff_users u ON u.active AND 'coordinator' = ANY(u.roles)
        WHERE r.finalised_at IS NOT NULL
          AND r.finalised_at > $1::timestamptz - make_interval(days => $2)
          AND ($3::text IS NULL OR to_char(r.month, 'YYYY-MM') = $3)
        ORDER BY r.month, u.id`,
      [now, ANNOUNCE_DAYS, month],
    );
    // One announcement per month and coordinator: the due date is the report's month.
    return rows.map((row) => ({
      subjectId: row.month,
      recipientId: row.recipient,
      dueDate: firstDay(row.month),
    }));
  }
}
