/** Staff roles (DOMAIN.md §2). What each may do is defined in permissions/permissions.ts. */
export const ROLES = ['front_desk', 'adviser', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
