import { addDays, helsinkiDate } from '@ohjaamo/platform';
import type { EntityManager } from 'typeorm';
import { clientRecordLink } from './client-link';
import { ReminderBase } from './reminder-base';
import { type DueReminder, LOOKBACK_DAYS } from './reminder-definition';

/**
 * An outcome's follow-up (3, 6, 12 months) falls due and is not recorded → the client's
 * responsible worker; when the client has none, the staff member who recorded the
 * outcome, who knows the case best. A deactivated responsible worker gets nothing (as
 * with every reminder): the follow-up waits in the task list of whoever takes over.
 * Only active clients, as in the follow-up task list.
 */
export class FollowUpDueReminder extends ReminderBase {
  readonly kind = 'follow_up_due';
  readonly schedule = '5 7 * * *';
  readonly messageKey = 'reminders.follow_up_due';
  readonly emailTemplate = 'follow-up-due.email';

  link(due: DueReminder, manager: EntityManager): Promise<string | null> {
    return clientRecordLink(manager, 'follow_ups', due.subjectId);
  }

  protected async dueOf(
    manager: EntityManager,
    now: Date,
    followUpId: string | null,
  ): Promise<DueReminder[]> {
    const today = helsinkiDate(now);
    const rows = await manager.query<{ id: string; recipient: string; due: string }[]>(
      `SELECT f.id, COALESCE(c.responsible_worker_id, o.recorded_by_user_id) AS recipient,
              to_char(f.due_on, 'YYYY-MM-DD') AS due
         FROM follow_ups f
         JOIN outcomes o ON o.id = f.outcome_id
         JOIN clients c ON c.id = f.client_id
        WHERE f.recorded_at IS NULL
          AND c.status = 'active' AND c.anonymised_at IS NULL
          AND f.due_on <= $1::date AND f.due_on > $2::date
          AND ($3::uuid IS NULL OR f.id = $3)
        ORDER BY f.id`,
      [today, addDays(today, -LOOKBACK_DAYS), followUpId],
    );
    return rows.map((row) => ({ subjectId: row.id, recipientId: row.recipient, dueDate: row.due }));
  }
}
