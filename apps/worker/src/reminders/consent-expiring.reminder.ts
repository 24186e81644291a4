import { addDays, helsinkiDate } from '@ohjaamo/platform';
import type { EntityManager } from 'typeorm';
import { consentClientLink } from './consent-client-link';
import { formatDay } from './format-day';
import { type DueReminder, type ReminderDefinition, sameReminder } from './reminder-definition';

/** Days before a consent's last day from which the responsible worker is reminded. */
export const CONSENT_EXPIRY_NOTICE_DAYS = 30;

/**
 * A given consent ends within 30 days → the client's responsible worker, once per consent
 * (the due date is the consent's last day), so a new consent can be asked for in time. A
 * consent replaced or withdrawn in the meantime is no longer due.
 */
export class ConsentExpiringReminder implements ReminderDefinition {
  readonly kind = 'consent_expiring';
  readonly channels = ['in_app', 'email'] as const;
  readonly schedule = '10 7 * * *';
  readonly messageKey = 'reminders.consent_expiring';
  readonly emailTemplate = 'consent-expiring.email';

  findDue(manager: EntityManager, now: Date): Promise<DueReminder[]> {
    return this.expiring(manager, now);
  }

  async isStillDue(manager: EntityManager, due: DueReminder, now: Date): Promise<boolean> {
    const [current] = await this.expiring(manager, now, due.subjectId);
    return current !== undefined && sameReminder(current, due);
  }

  params(due: DueReminder): Record<string, string | number> {
    return { date: formatDay(due.dueDate) };
  }

  link(due: DueReminder, manager: EntityManager): Promise<string | null> {
    return consentClientLink(manager, due.subjectId);
  }

  private async expiring(
    manager: EntityManager,
    now: Date,
    consentId: string | null = null,
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
