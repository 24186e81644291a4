import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

export interface OutgoingSms {
  /** The number: never logged. */
  to: string;
  text: string;
  /** Whom the message is for, by id, for the log. */
  recipientId: string;
}

/** A way to send SMS. Providers return their message id. */
export interface SmsProvider {
  send(sms: OutgoingSms): Promise<string>;
}

export const SMS_PROVIDER = Symbol('SMS_PROVIDER');

/** Development provider: logs the message id and recipient id, never the number or text. */
export class LoggingSmsProvider implements SmsProvider {
  private readonly logger = new Logger('LoggingSmsProvider');
  readonly sent: string[] = [];

  send(sms: OutgoingSms): Promise<string> {
    const messageId = randomUUID();
    this.sent.push(sms.recipientId);
    this.logger.log({ messageId, recipientId: sms.recipientId }, 'SMS (logged, not sent)');
    return Promise.resolve(messageId);
  }
}

export function createSmsProvider(kind: 'log'): SmsProvider {
  switch (kind) {
    case 'log':
      return new LoggingSmsProvider();
  }
}
