import { firstDay } from '@ohjaamo/reports';
import type { EntityManager } from 'typeorm';
import type { DueReminder, ReminderDefinition } from '../reminders/reminder-definition';

// Reports finalised this long ago or less are announced; a coordinator added meanwhile
// still hears of the latest one.
const ANNOUNCE_DAYS = 7;

/** A month's report is final → every active coordinator, in the app and by e-mail. */
export class ReportReadyReminder implements ReminderDefinition {
  readonly kind = 'report_ready';
  readonly channels = ['in_app', 'email'] as const;
  /** The monthly job triggers the scan itself; this daily scan only catches up. */
  readonly schedule = '0 9 * * *';
  readonly messageKey = 'reports.ready_message';
  readonly emailTemplate = 'report-ready.email';

  findDue(manager: EntityManager, now: Date): Promise<DueReminder[]> {
    return this.due(manager, now);
  }

  async isStillDue(manager: EntityManager, due: DueReminder, now: Date): Promise<boolean> {
    const found = await this.due(manager, now, due.subjectId, due.recipientId);
    return found.length === 1;
  }

  params(due: DueReminder): Record<string, string | number> {
    return { month: due.subjectId };
  }

  link(due: DueReminder): string {
    return `/reports/month?month=${due.subjectId}`;
  }

  private async due(
    manager: EntityManager,
    now: Date,
    month: string | null = null,
    recipientId: string | null = null,
  ): Promise<DueReminder[]> {
    const rows = await manager.query<{ month: string; recipient: string }[]>(
      `SELECT to_char(r.month, 'YYYY-MM') AS month, u.id AS recipient
         FROM report_months r
         JOIN staff_users u ON u.active AND 'coordinator' = ANY(u.roles)
        WHERE r.finalised_at IS NOT NULL
          AND r.finalised_at > $1::timestamptz - make_interval(days => $2)
          AND ($3::text IS NULL OR to_char(r.month, 'YYYY-MM') = $3)
          AND ($4::uuid IS NULL OR u.id = $4)
        ORDER BY r.month, u.id`,
      [now, ANNOUNCE_DAYS, month, recipientId],
    );
    // One announcement per month and coordinator: the due date is the report's month.
    return rows.map((row) => ({
      subjectId: row.month,
      recipientId: row.recipient,
      dueDate: firstDay(row.month),
    }));
  }
}
