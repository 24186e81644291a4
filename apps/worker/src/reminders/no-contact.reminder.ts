import { addDays, helsinkiDate } from '@ohjaamo/platform';
import type { EntityManager } from 'typeorm';
import { ReminderBase } from './reminder-base';
import type { DueReminder } from './reminder-definition';

// Last contact: the latest visit not taken back, or the client's creation when none.
const LAST_CONTACT = `COALESCE(
  (SELECT max(v.started_at) FROM visits v WHERE v.client_id = c.id AND v.undone_at IS NULL),
  c.created_at)`;

/** An active client nobody has met for NO_CONTACT_DAYS → the responsible worker. */
export class NoContactReminder extends ReminderBase {
  readonly kind = 'no_contact';
  readonly schedule = '0 7 * * *';
  readonly messageKey = 'messages.no_contact';
  readonly emailTemplate = 'no-contact.email';

  constructor(private readonly days: number) {
    super();
  }

  override params(): Record<string, string | number> {
    return { days: this.days };
  }

  link(due: DueReminder): string {
    return `/clients/${due.subjectId}`;
  }

  protected async dueOf(
    manager: EntityManager,
    now: Date,
    clientId: string | null,
  ): Promise<DueReminder[]> {
    const rows = await manager.query<{ id: string; worker: string; last: Date }[]>(
      `SELECT c.id, c.responsible_worker_id AS worker, ${LAST_CONTACT} AS last
         FROM clients c
        WHERE c.status = 'active' AND c.anonymised_at IS NULL
          AND c.responsible_worker_id IS NOT NULL
          AND ($3::uuid IS NULL OR c.id = $3)
          AND ${LAST_CONTACT} <= $1::timestamptz - make_interval(days => $2)
        ORDER BY c.id`,
      [now, this.days, clientId],
    );
    return rows.map((row) => ({
      subjectId: row.id,
      recipientId: row.worker,
      // The day the silence reached the limit: one reminder per silence, and a new visit
      // starts a new due date (so a new reminder 60 days after it).
      dueDate: addDays(helsinkiDate(new Date(row.last)), this.days),
    }));
  }
}
