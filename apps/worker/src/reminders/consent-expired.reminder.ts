import { addDays, helsinkiDate } from '@ohjaamo/platform';
import type { EntityManager } from 'typeorm';
import { clientRecordLink } from './client-link';
import { formatDay } from './format-day';
import { ReminderBase } from './reminder-base';
import { type DueReminder, LOOKBACK_DAYS } from './reminder-definition';

/**
 * A given consent has passed its last day → the client's responsible worker is told that
 * other agencies no longer see the record under it (access already stopped at midnight;
 * the nightly consent.expire job sets the status). The due date is the first day without
 * it. Found whether or not that job has run yet (status given or expired), but not when
 * the consent was withdrawn or replaced: then the worker acted on it already.
 */
export class ConsentExpiredReminder extends ReminderBase {
  readonly kind = 'consent_expired';
  readonly schedule = '15 7 * * *';
  readonly messageKey = 'reminders.consent_expired';
  readonly emailTemplate = 'consent-expired.email';

  override params(due: DueReminder): Record<string, string | number> {
    // The message names the last day it held, the day before the due date.
    return { date: formatDay(addDays(due.dueDate, -1)) };
  }

  link(due: DueReminder, manager: EntityManager): Promise<string | null> {
    return clientRecordLink(manager, 'consents', due.subjectId);
  }

  protected async dueOf(
    manager: EntityManager,
    now: Date,
    consentId: string | null,
  ): Promise<DueReminder[]> {
    const today = helsinkiDate(now);
    const rows = await manager.query<{ id: string; worker: string; ended: string }[]>(
      `SELECT k.id, c.responsible_worker_id AS worker,
              to_char(k.valid_until + 1, 'YYYY-MM-DD') AS ended
         FROM consents k
         JOIN clients c ON c.id = k.client_id
        WHERE k.status IN ('given', 'expired')
          AND k.valid_until < $1::date AND k.valid_until >= $2::date
          AND c.status = 'active' AND c.anonymised_at IS NULL
          AND c.responsible_worker_id IS NOT NULL
          AND ($3::uuid IS NULL OR k.id = $3)
        ORDER BY k.id`,
      [today, addDays(today, -LOOKBACK_DAYS), consentId],
    );
    return rows.map((row) => ({ subjectId: row.id, recipientId: row.worker, dueDate: row.ended }));
  }
}
