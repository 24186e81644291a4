import type { Provider } from '@nestjs/common';
import { REPORT_VOCABULARY } from '@ohjaamo/db';
import { AppConfig } from '@ohjaamo/platform';
import { ReportsService } from '@ohjaamo/reports';
import { DataSource } from 'typeorm';

export const REPORT_PROVIDERS: Provider[] = [
  {
    provide: ReportsService,
    inject: [DataSource, AppConfig],
    useFactory: (ds: DataSource, config: AppConfig) =>
      new ReportsService(ds, REPORT_VOCABULARY, config.REPORT_SUPPRESSION_THRESHOLD),
  },
];
