import type { AppConfig } from '@ohjaamo/platform';
import { ReportReadyReminder } from '../reports/report-ready.reminder';
import { ConcernOverdueReminder } from './concern-overdue.reminder';
import { ConsentExpiredReminder } from './consent-expired.reminder';
import { ConsentExpiringReminder } from './consent-expiring.reminder';
import { EventTomorrowReminder } from './event-tomorrow.reminder';
import { FollowUpDueReminder } from './follow-up-due.reminder';
import { NoContactReminder } from './no-contact.reminder';
import { PlanActionDueReminder } from './plan-action-due.reminder';
import { PlanReviewReminder } from './plan-review.reminder';
import type { ReminderDefinition } from './reminder-definition';

/**
 * Every reminder kind the worker runs. The worker's catalogue and the tests' are built
 * from this one list, so a new kind is added here once.
 */
export function reminderKinds(config: Pick<AppConfig, 'NO_CONTACT_DAYS'>): ReminderDefinition[] {
  return [
    new NoContactReminder(config.NO_CONTACT_DAYS),
    new FollowUpDueReminder(),
    new PlanReviewReminder(),
    new PlanActionDueReminder(),
    new ConsentExpiringReminder(),
    new ConsentExpiredReminder(),
    new ConcernOverdueReminder(),
    new EventTomorrowReminder(),
    new ReportReadyReminder(),
  ];
}
