import { addDays, helsinkiDate } from '@ohjaamo/platform';
import type { EntityManager } from 'typeorm';
import type { DueReminder, ReminderDefinition } from './reminder-definition';

// Last contact: the latest visit not taken back, or the client's creation when none.
const LAST_CONTACT = `COALESCE(
  (SELECT max(v.started_at) FROM visits v WHERE v.client_id = c.id AND v.undone_at IS NULL),
  c.created_at)`;

/** An active client nobody has met for NO_CONTACT_DAYS → the responsible worker. */
export class NoContactReminder implements ReminderDefinition {
  readonly kind = 'no_contact';
  readonly channels = ['in_app', 'email'] as const;
  readonly schedule = '0 7 * * *';
  readonly messageKey = 'notifications.no_contact';
  readonly emailTemplate = 'no-contact.email';

  constructor(private readonly days: number) {}

  async findDue(manager: EntityManager, now: Date): Promise<DueReminder[]> {
    const rows: { id: string; worker: string; last: Date }[] = await manager.query(
      `SELECT c.id, c.responsible_worker_id AS worker, ${LAST_CONTACT} AS last
         FROM clients c
        WHERE c.status = 'active' AND c.anonymised_at IS NULL
          AND c.responsible_worker_id IS NOT NULL
          AND ${LAST_CONTACT} <= $1::timestamptz - make_interval(days => $2)
        ORDER BY c.id`,
      [now, this.days],
    );
    return rows.map((row) => ({
      subjectId: row.id,
      recipientId: row.worker,
      // The day the silence reached the limit: a new visit starts a new due date.
      dueDate: addDays(helsinkiDate(new Date(row.last)), this.days),
    }));
  }

  async isStillDue(manager: EntityManager, due: DueReminder, now: Date): Promise<boolean> {
    const current = await this.findOne(manager, due.subjectId, now);
    return current?.recipientId === due.recipientId && current.dueDate === due.dueDate;
  }

  params(): Record<string, string | number> {
    return { days: this.days };
  }

  link(due: DueReminder): string {
    return `/clients/${due.subjectId}`;
  }

  private async findOne(
    manager: EntityManager,
    clientId: string,
    now: Date,
  ): Promise<DueReminder | undefined> {
    const all = await manager.query(
      `SELECT c.id, c.responsible_worker_id AS worker, ${LAST_CONTACT} AS last
         FROM clients c
        WHERE c.id = $3 AND c.status = 'active' AND c.anonymised_at IS NULL
          AND c.responsible_worker_id IS NOT NULL
          AND ${LAST_CONTACT} <= $1::timestamptz - make_interval(days => $2)`,
      [now, this.days, clientId],
    );
    const row = (all as { id: string; worker: string; last: Date }[])[0];
    return row
      ? {
          subjectId: row.id,
          recipientId: row.worker,
          dueDate: addDays(helsinkiDate(new Date(row.last)), this.days),
        }
      : undefined;
  }
}
