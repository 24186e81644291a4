import { Module } from '@nestjs/common';
import { dataSourceOptions } from '@ohjaamo/db';
import { JOB_HANDLERS, QUEUE_NAMES } from '@ohjaamo/jobs';
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
import { JobRegistry } from './job-registry';
import { QueueWorkers } from './queue-workers';

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
    { provide: JOB_HANDLERS, useValue: [] },
    JobRegistry,
    QueueWorkers,
    WorkerHealthServer,
  ],
})
export class WorkerModule {}
