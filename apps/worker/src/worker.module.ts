import { Module } from '@nestjs/common';
import { dataSourceOptions } from '@ohjaamo/db';
import { QUEUE_NAMES } from '@ohjaamo/jobs';
import {
  ConfigModule,
  DatabaseModule,
  HealthModule,
  I18nModule,
  loadConfig,
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
    DatabaseModule.forRoot(() => {
      const config = loadConfig();
      if (!config.DATABASE_URL) throw new Error('DATABASE_URL: required to run the worker');
      return dataSourceOptions(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
    }),
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
  ],
})
export class WorkerModule {}
