import { AccessReportService } from './access-report.service';
import { ClientErasureService } from './client-erasure.service';
import { ClientExportService } from './client-export.service';
import { ClientRightsApiController } from './client-rights.controller';
import { ClientRightsPageController } from './client-rights.page.controller';

/** The client's rights (access report, export, erasure): REST and pages (in AppModule). */
export const CLIENT_RIGHTS_CONTROLLERS = [ClientRightsApiController, ClientRightsPageController];
export const CLIENT_RIGHTS_PROVIDERS = [
  AccessReportService,
  ClientExportService,
  ClientErasureService,
];
