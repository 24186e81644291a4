import {
  type Clock,
  DeliveryLedger,
  EmailSender,
  MessageTemplates,
  nextAllowedInstant,
  Outbox,
  SmsProvider,
} from '@ohjaamo/jobs';
import type { DataSource } from 'typeorm';
import { formatDay } from './format-day';
import type { DueReminder, ExternalContact, ReminderDefinition } from './reminder-definition';

/** The channel the message went out on, "postponed" (quiet hours), or "skipped". */
export type YoungPersonOutcome = 'sms' | 'email' | 'postponed' | 'skipped';

interface ContactRow {
  id: string;
  phone: string | null;
  email: string | null;
  preferred_contact: string | null;
  language: string | null;
}

/**
 * Delivers a reminder to a young person (recipientType "client"). Only by the written
 * contact method they chose in the registry (preferred contact "sms" with a phone number,
 * or "email" with an address): someone who chose a call or a visit, or none, gets no
 * automatic message. The text has the date and nothing else. An SMS inside quiet hours
 * goes back to the outbox for their end (postponed, never dropped), and the reminder is
 * re-checked when it comes round again.
 */
export class YoungPersonDelivery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: DeliveryLedger,
    private readonly templates: MessageTemplates,
    private readonly email: EmailSender,
    private readonly sms: SmsProvider,
    private readonly quietHours: string,
    private readonly clock: Clock,
  ) {}

  async deliver(definition: ReminderDefinition, due: DueReminder): Promise<YoungPersonOutcome> {
    if (!definition.youngPersonTemplate) {
      throw new Error(`Reminder "${definition.kind}" has no template for young people`);
    }
    const [client] = await this.dataSource.query<ContactRow[]>(
      `SELECT id, phone, email, preferred_contact, language FROM clients
        WHERE id = $1 AND status = 'active' AND anonymised_at IS NULL`,
      [due.recipientId],
    );
    const channel = client ? chosenChannel(client) : null;
    if (!client || !channel) return 'skipped';
    return this.send(definition, due, {
      channel,
      address: channel === 'sms' ? client.phone! : client.email!,
      language: client.language,
      template: definition.youngPersonTemplate,
      params: { date: formatDay(due.dueDate, client.language) },
    });
  }

  /**
   * A reminder to someone outside the registry and the staff (recipientType "external"):
   * the definition names the channel, address, template and parameters; quiet hours and
   * the once-only ledger apply as to young people.
   */
  async deliverExternal(
    definition: ReminderDefinition,
    due: DueReminder,
  ): Promise<YoungPersonOutcome> {
    if (!definition.externalContact) {
      throw new Error(`Reminder "${definition.kind}" has no external contacts`);
    }
    const contact = await definition.externalContact(this.dataSource.manager, due);
    return contact ? this.send(definition, due, contact) : 'skipped';
  }

  private async send(
    definition: ReminderDefinition,
    due: DueReminder,
    contact: ExternalContact,
  ): Promise<YoungPersonOutcome> {
    const { channel } = contact;
    if (channel === 'sms') {
      const now = this.clock.now();
      const allowed = nextAllowedInstant(now, this.quietHours);
      if (allowed.getTime() > now.getTime()) {
        await this.postpone(definition.kind, due, allowed);
        return 'postponed';
      }
    }
    const parts = { kind: definition.kind, ...due, channel };
    const sent = await this.ledger.once(parts, async () => {
      const message = this.templates.render(
        `${contact.template}.${channel}`,
        contact.language,
        contact.params,
      );
      if (channel === 'sms') {
        await this.sms.send({
          to: contact.address,
          text: message.text,
          recipientId: due.recipientId,
        });
      } else {
        await this.email.send({ to: contact.address, recipientId: due.recipientId, ...message });
      }
    });
    return sent ? channel : 'skipped';
  }

  private postpone(kind: string, due: DueReminder, allowed: Date): Promise<string | null> {
    const payload = { kind, ...due, recipientType: due.recipientType ?? 'client' };
    return this.dataSource.transaction((manager) =>
      Outbox.enqueue(manager, 'reminder.deliver', payload, {
        dedupeKey: [
          'reminder',
          kind,
          due.subjectId,
          due.dueDate,
          due.recipientId,
          allowed.toISOString(),
        ].join('|'),
        availableAt: allowed,
      }),
    );
  }
}

function chosenChannel(client: ContactRow): 'sms' | 'email' | null {
  if (client.preferred_contact === 'sms' && client.phone) return 'sms';
  if (client.preferred_contact === 'email' && client.email) return 'email';
  return null;
}
