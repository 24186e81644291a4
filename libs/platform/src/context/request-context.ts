import { AsyncLocalStorage } from 'node:async_hooks';
import type { Language } from '../config/app-config';

/** Who is acting and why. Filled in by the identity layer once a user is signed in. */
export interface Actor {
  userId: string;
  organisationId: string;
  organisationKind: string;
  siteIds: string[];
  roles: string[];
  /** The purpose of the access, recorded in the audit log (e.g. "guidance"). */
  purpose?: string;
}

export interface RequestContext {
  requestId: string;
  language: Language;
  actor?: Actor;
  ip?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Request-scoped context without request-scoped providers (which would slow every call). */
export const requestContext = {
  run<T>(context: RequestContext, fn: () => T): T {
    return storage.run(context, fn);
  },
  current(): RequestContext | undefined {
    return storage.getStore();
  },
};
