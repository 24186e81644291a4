import {
  type Clock,
  DeliveryLedger,
  JobHandler,
  MessageTemplates,
  nextAllowedInstant,
  Outbox,
  queueOf,
  type SmsPayload,
  SmsProvider,
} from '@ohjaamo/jobs';
import type { DataSource } from 'typeorm';
import type { Job } from 'bullmq';

/**
 * Sends one SMS to a young person. Inside quiet hours (a retry can land there) it is put
 * back into the outbox for the end of quiet hours: postponed, never dropped.
 */
export class SmsHandler implements JobHandler<SmsPayload> {
  readonly jobName = 'message.sms';
  readonly queue = queueOf('message.sms');

  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: DeliveryLedger,
    private readonly templates: MessageTemplates,
    private readonly provider: SmsProvider,
    private readonly quietHours: string,
    private readonly clock: Clock,
  ) {}

  async handle(job: Job<SmsPayload>): Promise<string> {
    return this.send(job.data);
  }

  async send(payload: SmsPayload): Promise<'sent' | 'postponed' | 'skipped'> {
    const now = this.clock.now();
    const allowed = nextAllowedInstant(now, this.quietHours);
    if (allowed.getTime() > now.getTime()) {
      await this.dataSource.transaction((manager) =>
        Outbox.enqueue(manager, 'message.sms', payload, {
          dedupeKey: `sms|${payload.kind}|${payload.clientId}|${payload.dueDate}|${allowed.toISOString()}`,
          availableAt: allowed,
        }),
      );
      return 'postponed';
    }
    const [client] = await this.dataSource.query<
      { id: string; phone: string | null; language: string | null }[]
    >(
      `SELECT id, phone, language FROM clients
        WHERE id = $1 AND anonymised_at IS NULL AND status = 'active'`,
      [payload.clientId],
    );
    if (!client?.phone) return 'skipped';
    const parts = {
      kind: payload.kind,
      subjectId: client.id,
      dueDate: payload.dueDate,
      recipientId: client.id,
      channel: 'sms' as const,
    };
    const sent = await this.ledger.once(parts, async () => {
      // Messages to young people carry no sensitive content: the template takes no params.
      const { text } = this.templates.render(`${payload.kind}.sms`, client.language, {});
      await this.provider.send({ to: client.phone!, text, recipientId: client.id });
    });
    return sent ? 'sent' : 'skipped';
  }
}
