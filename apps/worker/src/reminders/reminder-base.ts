import type { EntityManager } from 'typeorm';
import { formatDay } from './format-day';
import { type DueReminder, type ReminderDefinition, sameReminder } from './reminder-definition';

/**
 * What the reminder kinds share: each has one query that finds its due reminders, of
 * every subject or of one (`dueOf`), and the scan, the delivery re-check and the ledger
 * housekeeping are all that query. Most kinds name the due date in their message.
 */
export abstract class ReminderBase implements ReminderDefinition {
  abstract readonly kind: string;
  /** Staff hear of a reminder in the app and by e-mail, unless a kind says otherwise. */
  readonly channels: ReminderDefinition['channels'] = ['in_app', 'email'];
  abstract readonly schedule: string;
  abstract readonly messageKey: string;
  abstract readonly emailTemplate: string;

  /** The due reminders now: of every subject (subjectId null), or of that one. */
  protected abstract dueOf(
    manager: EntityManager,
    now: Date,
    subjectId: string | null,
  ): Promise<DueReminder[]>;

  abstract link(due: DueReminder, manager: EntityManager): string | null | Promise<string | null>;

  findDue(manager: EntityManager, now: Date): Promise<DueReminder[]> {
    return this.dueOf(manager, now, null);
  }

  findDueFor(manager: EntityManager, subjectId: string, now: Date): Promise<DueReminder[]> {
    return this.dueOf(manager, now, subjectId);
  }

  async isStillDue(manager: EntityManager, due: DueReminder, now: Date): Promise<boolean> {
    const current = await this.findDueFor(manager, due.subjectId, now);
    return current.some((c) => sameReminder(c, due));
  }

  params(due: DueReminder): Record<string, string | number> {
    return { date: formatDay(due.dueDate) };
  }
}
