import type { DeliveryChannel } from '@ohjaamo/jobs';
import type { EntityManager } from 'typeorm';

/** One reminder that is due: all ids and a date, nothing personal. */
export interface DueReminder {
  subjectId: string;
  recipientId: string;
  /** Helsinki calendar day the reminder fell due, "YYYY-MM-DD"; part of the delivery key. */
  dueDate: string;
}

/**
 * A kind of reminder. Follow-ups, plan reviews and consent expiry plug in by adding one
 * of these to the catalogue: a finder, a re-check, a recipient and a message.
 */
export interface ReminderDefinition {
  readonly kind: string;
  /** Staff channels it goes out on. */
  readonly channels: readonly Exclude<DeliveryChannel, 'sms'>[];
  /** Cron pattern (Helsinki time) of the daily scan. */
  readonly schedule: string;
  /** Message key of the in-app notification (locale section `messages`). */
  readonly messageKey: string;
  /** E-mail template name (templates/<name>.<language>.hbs). */
  readonly emailTemplate: string;
  findDue(manager: EntityManager, now: Date): Promise<DueReminder[]>;
  /** Re-read at delivery time: the situation may have changed since the scan. */
  isStillDue(manager: EntityManager, due: DueReminder, now: Date): Promise<boolean>;
  /** Ids and numbers for the message; names are resolved when shown. */
  params(due: DueReminder): Record<string, string | number>;
  /** Path in the app the reminder links to. */
  link(due: DueReminder): string;
}
