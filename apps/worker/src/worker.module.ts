import { Module } from '@nestjs/common';
import { appDatabaseModule } from '@ohjaamo/db';
import { OutboxBacklogMetrics, QUEUE_NAMES } from '@ohjaamo/jobs';
import {
  ConfigModule,
  HealthModule,
  I18nModule,
  LoggingModule,
  QueueModule,
} from '@ohjaamo/platform';
import { WorkerHealthServer } from './health-server';
import { JOB_PROVIDERS } from './job-handlers.providers';
import { JobRegistry } from './job-registry';
import { JobSchedulers } from './job-schedulers';
import { QueueWorkers } from './queue-workers';
import { RelayRunner } from './relay/relay-runner';

@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    I18nModule,
    appDatabaseModule('worker'),
    QueueModule.forRoot(QUEUE_NAMES),
    HealthModule,
  ],
  providers: [
    ...JOB_PROVIDERS,
    JobRegistry,
    QueueWorkers,
    JobSchedulers,
    RelayRunner,
    WorkerHealthServer,
    OutboxBacklogMetrics,
  ],
})
export class WorkerModule {}
