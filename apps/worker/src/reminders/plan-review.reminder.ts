import { addDays, helsinkiDate } from '@ohjaamo/platform';
import type { EntityManager } from 'typeorm';
import { clientRecordLink } from './client-link';
import { ReminderBase } from './reminder-base';
import type { DueReminder } from './reminder-definition';

/** Days before a plan's review date from which the reminder goes out. */
export const PLAN_REVIEW_NOTICE_DAYS = 7;

/**
 * A shared plan's review date is a week away → the client's responsible worker, who
 * coordinates the plan (DOMAIN.md §2). Once per review date: a moved date is a new
 * reminder, a cleared one cancels it.
 */
export class PlanReviewReminder extends ReminderBase {
  readonly kind = 'plan_review';
  readonly schedule = '25 7 * * *';
  readonly messageKey = 'reminders.plan_review';
  readonly emailTemplate = 'plan-review.email';

  link(due: DueReminder, manager: EntityManager): Promise<string | null> {
    return clientRecordLink(manager, 'plans', due.subjectId);
  }

  protected async dueOf(
    manager: EntityManager,
    now: Date,
    planId: string | null,
  ): Promise<DueReminder[]> {
    const today = helsinkiDate(now);
    const rows = await manager.query<{ id: string; worker: string; review: string }[]>(
      `SELECT p.id, c.responsible_worker_id AS worker,
              to_char(p.review_date, 'YYYY-MM-DD') AS review
         FROM plans p
         JOIN clients c ON c.id = p.client_id
        WHERE p.review_date >= $1::date AND p.review_date <= $2::date
          AND c.status = 'active' AND c.anonymised_at IS NULL
          AND c.responsible_worker_id IS NOT NULL
          AND ($3::uuid IS NULL OR p.id = $3)
        ORDER BY p.id`,
      [today, addDays(today, PLAN_REVIEW_NOTICE_DAYS), planId],
    );
    return rows.map((row) => ({ subjectId: row.id, recipientId: row.worker, dueDate: row.review }));
  }
}
