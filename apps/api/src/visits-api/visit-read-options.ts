import type { VisitReadOptions } from '@ohjaamo/visits';
import type { AuthedRequest } from '../auth/request-auth';

/**
 * Linked clients are identified (id and names) only to callers who may search clients:
 * the front desk may see basic identification, a token without that scope may not.
 */
export function visitReadOptions(req: AuthedRequest): VisitReadOptions {
  return { showClients: req.auth!.permissions.has('clients.search') };
}
