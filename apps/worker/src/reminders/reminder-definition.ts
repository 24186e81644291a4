import type { DeliveryChannel } from '@ohjaamo/jobs';
import type { EntityManager } from 'typeorm';

/**
 * Who a reminder's recipientId is: a staff user (the default), or a client, i.e. the
 * young person themselves. Messages to young people go out by their own preferred contact
 * method and carry no content beyond the date. "external": someone outside the registry
 * and the staff (an event's guest, an employer's contact person), whose contact details
 * the definition itself looks up (`externalContact`).
 */
export type ReminderRecipientType = 'staff' | 'client' | 'external';

/** Where and how an external recipient gets the message; looked up at delivery time. */
export interface ExternalContact {
  channel: 'sms' | 'email';
  /** The phone number (sms) or the e-mail address (email). */
  address: string;
  language: string | null;
  /** templates/<template>.<channel>.<language>.hbs */
  template: string;
  params: Record<string, string | number>;
}

/** One reminder that is due: all ids and a date, nothing personal. */
export interface DueReminder {
  subjectId: string;
  recipientId: string;
  /** Helsinki calendar day the reminder fell due, "YYYY-MM-DD"; part of the delivery key. */
  dueDate: string;
  /** Absent means "staff", so finders written for staff need not set it. */
  recipientType?: ReminderRecipientType;
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
  /** Message key of the in-app notification (any locale section, e.g. `messages`). */
  readonly messageKey: string;
  /** E-mail template name (templates/<name>.<language>.hbs). */
  readonly emailTemplate: string;
  /**
   * For reminders that go to young people (recipientType "client"): the template prefix
   * of their messages, templates/<name>.sms.<language>.hbs and <name>.email.<language>.hbs.
   * The only parameter is {{date}}: messages to young people carry no sensitive content.
   */
  readonly youngPersonTemplate?: string;
  /** For reminders with recipientType "external": the recipient's contact, or null. */
  externalContact?(manager: EntityManager, due: DueReminder): Promise<ExternalContact | null>;
  findDue(manager: EntityManager, now: Date): Promise<DueReminder[]>;
  /**
   * What findDue would find now for one subject, to every recipient of every type. The
   * delivery check and the ledger housekeeping both ask this, so neither needs to know
   * who a kind's recipients are.
   */
  findDueFor(manager: EntityManager, subjectId: string, now: Date): Promise<DueReminder[]>;
  /** Re-read at delivery time: the situation may have changed since the scan. */
  isStillDue(manager: EntityManager, due: DueReminder, now: Date): Promise<boolean>;
  /** Ids and numbers for the message; names are resolved when shown. */
  params(due: DueReminder): Record<string, string | number>;
  /**
   * Path in the app the reminder links to; null when there is no page to link to. May
   * read the database (e.g. the client of a follow-up) through the manager it is given.
   */
  link(due: DueReminder, manager: EntityManager): string | null | Promise<string | null>;
}

/** Whether two due reminders are the same reminder (same key parts). */
export function sameReminder(a: DueReminder, b: DueReminder): boolean {
  return (
    a.subjectId === b.subjectId &&
    a.recipientId === b.recipientId &&
    a.dueDate === b.dueDate &&
    (a.recipientType ?? 'staff') === (b.recipientType ?? 'staff')
  );
}

/**
 * How far back a finder looks for reminders that fell due while the worker was stopped
 * (or before the kind existed). Older ones are not sent at all: a flood of stale
 * reminders on the first day helps nobody, and the task lists still show the work.
 */
export const LOOKBACK_DAYS = 30;
