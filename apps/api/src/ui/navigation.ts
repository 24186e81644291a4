import type { Permission } from '@ohjaamo/identity';

/**
 * The main navigation. Each entry shows only to users holding its permission, so every
 * role sees its own menu. Features add their entries here.
 */
export const NAVIGATION: {
  href: string;
  labelKey: string;
  permission: Permission | 'signed_in';
}[] = [
  { href: '/', labelKey: 'nav.home', permission: 'signed_in' },
  { href: '/desk', labelKey: 'nav.desk', permission: 'visits.log' },
  { href: '/desk/board', labelKey: 'nav.board', permission: 'desk.queue' },
  { href: '/admin/users', labelKey: 'nav.users', permission: 'admin.users' },
  {
    href: '/admin/organisations',
    labelKey: 'nav.organisations',
    permission: 'admin.organisations',
  },
  { href: '/admin/sites', labelKey: 'nav.sites', permission: 'admin.sites' },
  { href: '/admin/audit', labelKey: 'nav.audit', permission: 'audit.search' },
  {
    href: '/admin/queues',
    labelKey: 'notifications.dashboard.nav',
    permission: 'queues.dashboard',
  },
  { href: '/notifications', labelKey: 'notifications.nav', permission: 'notifications.read' },
  { href: '/tasks', labelKey: 'tasksPage.nav', permission: 'outcomes.write' },
  {
    href: '/tasks/overdue-concerns',
    labelKey: 'tasksPage.overdueNav',
    permission: 'concerns.overdue',
  },
  { href: '/reports', labelKey: 'reports.nav', permission: 'reports.read' },
  { href: '/employers', labelKey: 'employers.nav', permission: 'employers.manage' },
  { href: '/events', labelKey: 'events.nav', permission: 'events.checkin' },
];
