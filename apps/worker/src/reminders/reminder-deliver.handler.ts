import {
  type Clock,
  DeliveryLedger,
  EmailSender,
  JobHandler,
  MessageTemplates,
  queueOf,
} from '@ohjaamo/jobs';
import type { AppConfig } from '@ohjaamo/platform';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { ReminderCatalogue } from './reminder-catalogue';
import type { DueReminder } from './reminder-definition';
import type { YoungPersonDelivery } from './young-person-delivery';

type DeliverPayload = DueReminder & { kind: string };

export interface DeliverResult {
  delivered: string[];
  /** A message to a young person waits for the end of quiet hours. */
  postponed?: boolean;
}

/**
 * Delivers one reminder to its recipient, once per channel: a staff user in-app and by
 * e-mail, or a young person (recipientType "client") through YoungPersonDelivery.
 */
export class ReminderDeliverHandler implements JobHandler<DeliverPayload> {
  readonly jobName = 'reminder.deliver';
  readonly queue = queueOf('reminder.deliver');

  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: ReminderCatalogue,
    private readonly ledger: DeliveryLedger,
    private readonly templates: MessageTemplates,
    private readonly email: EmailSender,
    private readonly config: Pick<AppConfig, 'PUBLIC_URL'>,
    private readonly clock: Clock,
    private readonly youngPeople?: YoungPersonDelivery,
  ) {}

  async handle(job: Job<DeliverPayload>): Promise<DeliverResult> {
    return this.deliver(job.data);
  }

  async deliver(payload: DeliverPayload): Promise<DeliverResult> {
    const definition = this.catalogue.get(payload.kind);
    const due: DueReminder = {
      subjectId: payload.subjectId,
      recipientId: payload.recipientId,
      dueDate: payload.dueDate,
      ...(payload.recipientType === 'client' || payload.recipientType === 'external'
        ? { recipientType: payload.recipientType }
        : {}),
    };
    const delivered: string[] = [];
    if (!(await definition.isStillDue(this.dataSource.manager, due, this.clock.now()))) {
      return { delivered };
    }
    if (due.recipientType === 'client' || due.recipientType === 'external') {
      if (!this.youngPeople) throw new Error('No delivery to young people configured');
      const outcome =
        due.recipientType === 'client'
          ? await this.youngPeople.deliver(definition, due)
          : await this.youngPeople.deliverExternal(definition, due);
      if (outcome === 'postponed') return { delivered, postponed: true };
      return { delivered: outcome === 'skipped' ? [] : [outcome] };
    }
    // A deactivated account gets nothing; the reminder goes to whoever takes the client over.
    const [recipient] = await this.dataSource.query<
      { id: string; email: string; language: string }[]
    >(`SELECT id, email, language FROM staff_users WHERE id = $1 AND active`, [due.recipientId]);
    if (!recipient) return { delivered };
    const params = definition.params(due);
    const link = await definition.link(due, this.dataSource.manager);
    for (const channel of definition.channels) {
      const parts = { kind: definition.kind, ...due, channel };
      const done = await this.ledger.once(parts, async (manager) => {
        if (channel === 'in_app') {
          await manager.query(
            `INSERT INTO notifications (recipient_id, kind, message_key, params, link)
             VALUES ($1, $2, $3, $4, $5)`,
            [recipient.id, definition.kind, definition.messageKey, JSON.stringify(params), link],
          );
        } else {
          const message = this.templates.render(definition.emailTemplate, recipient.language, {
            ...params,
            ...(link ? { link: new URL(link, this.config.PUBLIC_URL).toString() } : {}),
          });
          await this.email.send({ to: recipient.email, recipientId: recipient.id, ...message });
        }
      });
      if (done) delivered.push(channel);
    }
    return { delivered };
  }
}
