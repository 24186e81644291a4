import type { EntityManager } from 'typeorm';
import { Outbox } from './outbox/outbox';
import { nextAllowedInstant } from './quiet-hours';

/** An SMS to a young person: which message, to whom, for which day. Ids only. */
export interface SmsPayload extends Record<string, string> {
  /** Template name prefix: templates/<kind>.sms.<language>.hbs. */
  kind: string;
  clientId: string;
  dueDate: string;
}

/**
 * Queues an SMS to a young person in the caller's transaction. Inside quiet hours it
 * becomes available at their end (a delayed job), so nobody gets a message at night.
 */
export function enqueueSms(
  manager: EntityManager,
  payload: SmsPayload,
  now: Date,
  quietHours: string,
): Promise<string | null> {
  return Outbox.enqueue(manager, 'message.sms', payload, {
    dedupeKey: `sms|${payload.kind}|${payload.clientId}|${payload.dueDate}`,
    availableAt: nextAllowedInstant(now, quietHours),
  });
}
