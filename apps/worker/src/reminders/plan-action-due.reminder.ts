import { addDays, helsinkiDate } from '@ohjaamo/platform';
import type { EntityManager } from 'typeorm';
import { clientRecordLink } from './client-link';
import { ReminderBase } from './reminder-base';
import type { DueReminder } from './reminder-definition';

/** Days before an action's due date from which the reminder goes out. */
export const PLAN_ACTION_NOTICE_DAYS = 3;

// A staff id comes from the plan's JSON; anything else would fail the delivery's query.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * An open action of a shared plan is due within three days → whoever is responsible for
 * it: a named staff member (in-app and e-mail); for an agency, the client's responsible
 * worker, who coordinates the plan; for the young person, the young person themselves,
 * by SMS or e-mail, only if they chose one of those as their contact method, with the
 * date and nothing else. Actions have no ids of their own (they are list items in the
 * plan), so the reminder is per plan, due date and recipient: two actions due the same
 * day make one message, and reordering the list changes nothing.
 */
export class PlanActionDueReminder extends ReminderBase {
  readonly kind = 'plan_action_due';
  // After quiet hours, so a young person's SMS goes out at once.
  readonly schedule = '30 9 * * *';
  readonly messageKey = 'reminders.plan_action_due';
  readonly emailTemplate = 'plan-action-due.email';
  readonly youngPersonTemplate = 'young-agreed-due';

  link(due: DueReminder, manager: EntityManager): Promise<string | null> {
    return clientRecordLink(manager, 'plans', due.subjectId);
  }

  protected async dueOf(
    manager: EntityManager,
    now: Date,
    planId: string | null,
  ): Promise<DueReminder[]> {
    const today = helsinkiDate(now);
    const rows = await manager.query<
      { id: string; due: string; recipient: string; young: boolean }[]
    >(
      `SELECT DISTINCT p.id, a->>'dueDate' AS due,
              CASE a->'responsible'->>'kind'
                WHEN 'staff' THEN a->'responsible'->>'staffUserId'
                WHEN 'agency' THEN c.responsible_worker_id::text
                WHEN 'young_person' THEN c.id::text
              END AS recipient,
              a->'responsible'->>'kind' = 'young_person' AS young
         FROM plans p
         JOIN clients c ON c.id = p.client_id
        CROSS JOIN LATERAL jsonb_array_elements(p.content->'actions') a
        WHERE a->>'status' = 'open'
          AND a->>'dueDate' ~ '^\\d{4}-\\d{2}-\\d{2}$'
          AND a->>'dueDate' >= $1 AND a->>'dueDate' <= $2
          AND c.status = 'active' AND c.anonymised_at IS NULL
          AND (a->'responsible'->>'kind' <> 'young_person'
               OR c.preferred_contact IN ('sms', 'email'))
          AND ($3::uuid IS NULL OR p.id = $3)
        ORDER BY p.id, due, recipient`,
      [today, addDays(today, PLAN_ACTION_NOTICE_DAYS), planId],
    );
    return rows
      .filter((row) => row.recipient !== null && UUID.test(row.recipient))
      .map((row) => ({
        subjectId: row.id,
        recipientId: row.recipient,
        dueDate: row.due,
        ...(row.young ? { recipientType: 'client' as const } : {}),
      }));
  }
}
