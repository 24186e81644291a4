import { type Clock, JobHandler, Outbox, queueOf } from '@ohjaamo/jobs';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { ReminderCatalogue } from './reminder-catalogue';

/** Finds the due reminders of one kind and writes one outbox row per reminder. */
export class ReminderScanHandler implements JobHandler<{ kind: string }> {
  readonly jobName = 'reminder.scan';
  readonly queue = queueOf('reminder.scan');

  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: ReminderCatalogue,
    private readonly clock: Clock,
  ) {}

  async handle(job: Job<{ kind: string }>): Promise<{ due: number; enqueued: number }> {
    return this.scan(job.data.kind);
  }

  async scan(kind: string): Promise<{ due: number; enqueued: number }> {
    const definition = this.catalogue.get(kind);
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const due = await definition.findDue(manager, now);
      let enqueued = 0;
      for (const reminder of due) {
        const payload: Record<string, string> = {
          kind,
          subjectId: reminder.subjectId,
          recipientId: reminder.recipientId,
          dueDate: reminder.dueDate,
        };
        // Only when set, so staff reminders keep the payload they always had.
        if (reminder.recipientType && reminder.recipientType !== 'staff') {
          payload.recipientType = reminder.recipientType;
        }
        // The same reminder found by tomorrow's scan hits the same key and is skipped.
        const dedupeKey = [
          'reminder',
          kind,
          reminder.subjectId,
          reminder.dueDate,
          reminder.recipientId,
        ].join('|');
        if (await Outbox.enqueue(manager, 'reminder.deliver', payload, { dedupeKey })) enqueued++;
      }
      return { due: due.length, enqueued };
    });
  }
}
