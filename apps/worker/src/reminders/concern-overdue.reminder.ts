import { addDays, helsinkiDate, helsinkiDayStart } from '@ohjaamo/platform';
import type { EntityManager } from 'typeorm';
import { ReminderBase } from './reminder-base';
import { type DueReminder, LOOKBACK_DAYS } from './reminder-definition';

/** The coordinators' page of overdue concerns: counts only, no client identities. */
const OVERDUE_CONCERNS_PAGE = '/tasks/overdue-concerns';

/**
 * A concern's reaction deadline passed without a reaction → the coordinators who count it
 * in their overdue overview: those working at the concern's site or belonging to the
 * organisation that raised it (the same rule as ConcernsService.overdueSummary).
 * Coordinators see no individual records, so the message says only that a deadline
 * passed and when, with a link to their overview of overdue concerns (counts by site and
 * organisation): no client, no link to one. The due date is the deadline's day.
 */
export class ConcernOverdueReminder extends ReminderBase {
  readonly kind = 'concern_overdue';
  // Hourly: a three-day deadline passes at the hour the concern was raised.
  readonly schedule = '20 7-18 * * *';
  readonly messageKey = 'reminders.concern_overdue';
  readonly emailTemplate = 'concern-overdue.email';

  link(): string {
    return OVERDUE_CONCERNS_PAGE;
  }

  protected async dueOf(
    manager: EntityManager,
    now: Date,
    concernId: string | null,
  ): Promise<DueReminder[]> {
    const since = helsinkiDayStart(addDays(helsinkiDate(now), -LOOKBACK_DAYS));
    const rows = await manager.query<{ id: string; coordinator: string; react_by: Date }[]>(
      `SELECT DISTINCT k.id, u.id AS coordinator, k.react_by
         FROM concerns k
         JOIN staff_users u
           ON u.active AND 'coordinator' = ANY(u.roles)
          AND (u.organisation_id = k.organisation_id
               OR EXISTS (SELECT 1 FROM staff_user_sites s
                           WHERE s.user_id = u.id AND s.site_id = k.site_id))
        WHERE k.resolved_at IS NULL
          AND k.react_by < $1::timestamptz AND k.react_by >= $2::timestamptz
          AND ($3::uuid IS NULL OR k.id = $3)
        ORDER BY k.id, u.id`,
      [now, since, concernId],
    );
    return rows.map((row) => ({
      subjectId: row.id,
      recipientId: row.coordinator,
      dueDate: helsinkiDate(new Date(row.react_by)),
    }));
  }
}
