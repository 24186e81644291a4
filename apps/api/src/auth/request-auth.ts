import type { AccessToken, Permission, Session, StaffUser } from '@ohjaamo/identity';
import type { Actor } from '@ohjaamo/platform';
import type { Request } from 'express';

/** What authentication attached to the request. */
export interface RequestAuth {
  user: StaffUser;
  actor: Actor;
  organisationName: string;
  /** Permissions usable in this request: the user's, narrowed to a token's scopes. */
  permissions: Set<Permission>;
  via: 'session' | 'token';
  session?: Session;
  sessionToken?: string;
  token?: AccessToken;
}

export type AuthedRequest = Request & { auth?: RequestAuth; id: string };

export function isApiRequest(req: Request): boolean {
  return req.path.startsWith('/api/');
}
