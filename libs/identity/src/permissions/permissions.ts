import type { Role } from '../users/role';

/**
 * Every permission in the product and the roles that hold it: the one place that says
 * who may do what. Routes declare a permission with @Allow(); tokens carry a subset of
 * their owner's permissions as scopes. Client-record access is further limited by the
 * consent-based access policy.
 */
export const PERMISSIONS = {
  'profile.manage': ['front_desk', 'adviser', 'coordinator', 'admin'],
  'tokens.manage': ['front_desk', 'adviser', 'coordinator', 'admin'],
  'sites.read': ['front_desk', 'adviser', 'coordinator', 'admin'],
  // Clients: what each role may do at all. Which sections of whose record an actor sees
  // is decided further by the consent-based access policy.
  'clients.search': ['front_desk', 'adviser'],
  'clients.create': ['front_desk', 'adviser'],
  'clients.read': ['front_desk', 'adviser'],
  'clients.update': ['front_desk', 'adviser'],
  'clients.relationship': ['adviser'],
  // The client's own rights (access report, export, erasure on request): advisers, who
  // meet the young person and can verify who is asking. Not the desk: the report names
  // every agency working with the client. Not coordinators or admins: no individual records.
  'clients.rights': ['adviser'],
  // The shared record and consents. The front desk reaches the routes but the access
  // policy shows it no entries (404), as it does an adviser without consent.
  'record.read': ['front_desk', 'adviser'],
  'record.write': ['adviser'],
  'consent.manage': ['adviser'],
  // Shared plans, self-assessments, outcomes with follow-ups, and concerns. Coordinators
  // see only the count of overdue concerns, never the client behind one.
  'plans.read': ['adviser'],
  'plans.write': ['adviser'],
  'outcomes.write': ['adviser'],
  'concerns.write': ['adviser'],
  'concerns.overdue': ['coordinator'],
  // Walk-in visits and the desk queue.
  'visits.log': ['front_desk', 'adviser'],
  'visits.read': ['front_desk', 'adviser'],
  'desk.queue': ['front_desk', 'adviser'],
  'topics.manage': ['admin'],
  'admin.users': ['admin'],
  'admin.organisations': ['admin'],
  'admin.sites': ['admin'],
  'audit.search': ['admin'],
  // Background jobs: every staff user has an inbox; only admins see the job queues.
  'notifications.read': ['front_desk', 'adviser', 'coordinator', 'admin'],
  'queues.dashboard': ['admin'],
  // Employers and recruitment events. Linked young people's names still follow the client
  // access policy; coordinators see only the events' aggregate reports.
  'employers.manage': ['adviser'],
  'events.manage': ['adviser'],
  'events.checkin': ['front_desk', 'adviser'],
  'events.report': ['adviser', 'coordinator'],
  // Monthly reports and the dashboard: aggregated, suppressed figures only.
  'reports.read': ['coordinator', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function permissionsOf(roles: readonly string[]): Set<Permission> {
  const held = new Set<Permission>();
  for (const permission of ALL_PERMISSIONS) {
    if ((PERMISSIONS[permission] as readonly string[]).some((role) => roles.includes(role))) {
      held.add(permission);
    }
  }
  return held;
}

/** Roles that can read client records, and so must use two-factor sign-in by default. */
export const ROLES_READING_CLIENT_RECORDS: readonly Role[] = ['front_desk', 'adviser', 'admin'];
