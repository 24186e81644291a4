import { Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** For the log: whom the message is for, by id. */
  recipientId: string;
}

/** E-mail through SMTP (SMTP_URL). Without one, only the recipient id is logged. */
export class EmailSender {
  private readonly logger = new Logger('EmailSender');
  private readonly transport?: Transporter;

  constructor(
    smtpUrl: string | undefined,
    private readonly from: string,
  ) {
    if (smtpUrl) this.transport = createTransport(smtpUrl);
  }

  async send(email: OutgoingEmail): Promise<void> {
    if (!this.transport) {
      this.logger.log({ recipientId: email.recipientId }, 'e-mail not sent: no SMTP_URL');
      return;
    }
    const info = await this.transport.sendMail({
      from: this.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
    });
    this.logger.log({ recipientId: email.recipientId, messageId: info.messageId }, 'e-mail sent');
  }

  close(): void {
    this.transport?.close();
  }
}
