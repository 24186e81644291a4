import { ReportCell } from './rollup/report-cell.entity';
import { ReportClientMonth } from './rollup/report-client-month.entity';
import { ReportClientSite } from './rollup/report-client-site.entity';
import { ReportMonth } from './rollup/report-month.entity';

export const REPORT_ENTITIES = [ReportCell, ReportClientMonth, ReportClientSite, ReportMonth];
