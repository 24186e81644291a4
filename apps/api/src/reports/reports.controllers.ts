import { ReportsApiController } from './reports.api.controller';
import { ReportsPageController } from './reports.page.controller';

/** The report pages and REST controllers (registered in AppModule). */
export const REPORT_CONTROLLERS = [ReportsPageController, ReportsApiController];
