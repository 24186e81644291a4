import type { Provider } from '@nestjs/common';
import { AuditService } from '@ohjaamo/audit';
import {
  CLOCK,
  type Clock,
  createSmsProvider,
  DeliveryLedger,
  EmailSender,
  JOB_HANDLERS,
  type JobHandler,
  MessageTemplates,
  SMS_PROVIDER,
  type SmsProvider,
  systemClock,
} from '@ohjaamo/jobs';
import { AppConfig, Queues } from '@ohjaamo/platform';
import { DataSource } from 'typeorm';
import { ConsentExpiryHandler } from './consent/consent-expiry.handler';
import { OutboxPruneHandler } from './maintenance/outbox-prune.handler';
import { SmsHandler } from './messages/sms.handler';
import { OutboxRelay } from './relay/outbox-relay';
import { ReminderCatalogue } from './reminders/reminder-catalogue';
import { ReminderDeliverHandler } from './reminders/reminder-deliver.handler';
import { reminderKinds } from './reminders/reminder-kinds';
import { ReminderScanHandler } from './reminders/reminder-scan.handler';
import { YoungPersonDelivery } from './reminders/young-person-delivery';
import { RetentionHandler } from './retention/retention.handler';
import { reportJobHandlers } from './reports/report-job-handlers';

/** Everything the handlers need, built from config; one list so the module stays short. */
export const JOB_PROVIDERS: Provider[] = [
  { provide: CLOCK, useValue: systemClock },
  AuditService,
  {
    provide: ReminderCatalogue,
    inject: [AppConfig],
    useFactory: (config: AppConfig) => new ReminderCatalogue(reminderKinds(config)),
  },
  {
    provide: DeliveryLedger,
    inject: [DataSource],
    useFactory: (ds: DataSource) => new DeliveryLedger(ds),
  },
  { provide: MessageTemplates, useValue: new MessageTemplates() },
  {
    provide: EmailSender,
    inject: [AppConfig],
    useFactory: (config: AppConfig) => new EmailSender(config.SMTP_URL, config.MAIL_FROM),
  },
  {
    provide: SMS_PROVIDER,
    inject: [AppConfig],
    useFactory: (config: AppConfig) => createSmsProvider(config.SMS_PROVIDER),
  },
  {
    provide: OutboxRelay,
    inject: [DataSource, Queues, AppConfig, CLOCK],
    useFactory: (ds: DataSource, queues: Queues, config: AppConfig, clock: Clock) =>
      new OutboxRelay(ds, queues, { listenUrl: config.DATABASE_URL, clock }),
  },
  {
    provide: JOB_HANDLERS,
    inject: [
      DataSource,
      AppConfig,
      CLOCK,
      ReminderCatalogue,
      DeliveryLedger,
      MessageTemplates,
      EmailSender,
      SMS_PROVIDER,
      AuditService,
    ],
    useFactory: (
      ds: DataSource,
      config: AppConfig,
      clock: Clock,
      catalogue: ReminderCatalogue,
      ledger: DeliveryLedger,
      templates: MessageTemplates,
      email: EmailSender,
      sms: SmsProvider,
      audit: AuditService,
    ): JobHandler[] =>
      [
        new ReminderScanHandler(ds, catalogue, clock),
        new ReminderDeliverHandler(
          ds,
          catalogue,
          ledger,
          templates,
          email,
          config,
          clock,
          new YoungPersonDelivery(ds, ledger, templates, email, sms, config.QUIET_HOURS, clock),
        ),
        new SmsHandler(ds, ledger, templates, sms, config.QUIET_HOURS, clock),
        new RetentionHandler(ds, audit, config.RETENTION_YEARS, clock),
        new ConsentExpiryHandler(ds, audit, clock),
        new OutboxPruneHandler(
          ds,
          catalogue,
          {
            outboxRetentionDays: config.OUTBOX_RETENTION_DAYS,
            deliveryRetentionDays: config.DELIVERY_RETENTION_DAYS,
          },
          clock,
        ),
        ...reportJobHandlers(ds, clock),
      ] as unknown as JobHandler[],
  },
];
