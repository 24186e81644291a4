import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JOB_OPTIONS, queueOf } from '@ohjaamo/jobs';
import { Queues } from '@ohjaamo/platform';
import { ReminderCatalogue } from './reminders/reminder-catalogue';
import { REPORT_SCHEDULES } from './reports/report-job-handlers';

const ZONE = 'Europe/Helsinki';

/** The cron schedules, upserted at every boot so a changed pattern replaces the old one. */
export function schedules(catalogue: ReminderCatalogue) {
  return [
    ...catalogue.all().map((definition) => ({
      id: `reminder-scan-${definition.kind}`,
      pattern: definition.schedule,
      name: 'reminder.scan',
      data: { kind: definition.kind },
    })),
    { id: 'retention-anonymise', pattern: '30 3 * * *', name: 'retention.anonymise', data: {} },
    // Just after midnight: the day before was a consent's last day.
    { id: 'consent-expire', pattern: '5 0 * * *', name: 'consent.expire', data: {} },
    { id: 'outbox-prune', pattern: '45 3 * * *', name: 'outbox.prune', data: {} },
    ...REPORT_SCHEDULES,
  ];
}

@Injectable()
export class JobSchedulers implements OnApplicationBootstrap {
  private readonly logger = new Logger('JobSchedulers');

  constructor(
    @Inject(Queues) private readonly queues: Queues,
    @Inject(ReminderCatalogue) private readonly catalogue: ReminderCatalogue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { attempts, backoff, removeOnComplete, removeOnFail } = JOB_OPTIONS;
    for (const schedule of schedules(this.catalogue)) {
      await this.queues.get(queueOf(schedule.name)).upsertJobScheduler(
        schedule.id,
        { pattern: schedule.pattern, tz: ZONE },
        {
          name: schedule.name,
          data: schedule.data,
          opts: { attempts, backoff, removeOnComplete, removeOnFail },
        },
      );
    }
    this.logger.log(`Upserted ${schedules(this.catalogue).length} job schedulers`);
  }
}
