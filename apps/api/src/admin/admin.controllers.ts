import { AdminAuditPageController } from './admin-audit.page.controller';
import { AdminOrganisationsPageController } from './admin-organisations.page.controller';
import { AdminSitesPageController } from './admin-sites.page.controller';
import { AdminUsersPageController } from './admin-users.page.controller';

/** The administration pages (registered in AppModule). */
export const ADMIN_PAGE_CONTROLLERS = [
  AdminUsersPageController,
  AdminOrganisationsPageController,
  AdminSitesPageController,
  AdminAuditPageController,
];
