import type { Provider } from '@nestjs/common';
import { AppConfig } from '@ohjaamo/platform';
import { ReportsService } from '@ohjaamo/reports';
import { DataSource } from 'typeorm';
import { REPORT_VOCABULARY } from './report-vocabulary';

export const REPORT_PROVIDERS: Provider[] = [
  {
    provide: ReportsService,
    inject: [DataSource, AppConfig],
    useFactory: (ds: DataSource, config: AppConfig) =>
      new ReportsService(ds, REPORT_VOCABULARY, config.REPORT_SUPPRESSION_THRESHOLD),
  },
];
