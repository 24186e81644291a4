import { addDays, helsinkiDate } from '@ohjaamo/platform';
import type { EntityManager } from 'typeorm';
import { clientRecordLink } from './client-link';
import { ReminderBase } from './reminder-base';
import type { DueReminder } from './reminder-definition';

/** Days before a consent's last day from which the responsible worker is reminded. */
export const CONSENT_EXPIRY_NOTICE_DAYS = 30;

/**
 * A given consent ends within 30 days → the client's responsible worker, once per consent
 * (the due date is the consent's last day), so a new consent can be asked for in time. A
 * consent replaced or withdrawn in the meantime is no longer due.
 */
export class ConsentExpiringReminder extends ReminderBase {
  readonly kind = 'consent_expiring';
  readonly schedule = '10 7 * * *';
  readonly messageKey = 'reminders.consent_expiring';
  readonly emailTemplate = 'consent-expiring.email';

  link(due: DueReminder, manager: EntityManager): Promise<string | null> {
    return clientRecordLink(manager, 'consents', due.subjectId);
  }

  protected async dueOf(
    manager: EntityManager,
    now: Date,
    consentId: string | null,
  ): Promise<DueReminder[]> {
    const today = helsinkiDate(now);
    const rows = await manager.query<{ id: string; worker: string; last: string }[]>(
      `SELECT k.id, c.responsible_worker_id AS worker,
              to_char(k.valid_until, 'YYYY-MM-DD') AS last
         FROM consents k
         JOIN clients c ON c.id = k.client_id
        WHERE k.status = 'given'
          AND k.valid_until >= $1::date AND k.valid_until <= $2::date
          AND c.status = 'active' AND c.anonymised_at IS NULL
          AND c.responsible_worker_id IS NOT NULL
          AND ($3::uuid IS NULL OR k.id = $3)
        ORDER BY k.id`,
      [today, addDays(today, CONSENT_EXPIRY_NOTICE_DAYS), consentId],
    );
    return rows.map((row) => ({ subjectId: row.id, recipientId: row.worker, dueDate: row.last }));
  }
}
