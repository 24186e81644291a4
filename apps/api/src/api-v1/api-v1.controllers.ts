import { AdminAuditApiController } from './admin-audit.controller';
import { AdminOrganisationsApiController } from './admin-organisations.controller';
import { AdminSitesApiController } from './admin-sites.controller';
import { AdminUsersApiController } from './admin-users.controller';
import { MeApiController } from './me.controller';
import { SitesApiController } from './sites.controller';
import { TokensApiController } from './tokens.controller';

/** The REST controllers under /api/v1 (registered in AppModule). */
export const API_V1_CONTROLLERS = [
  MeApiController,
  TokensApiController,
  AdminUsersApiController,
  AdminOrganisationsApiController,
  AdminSitesApiController,
  AdminAuditApiController,
  SitesApiController,
];
