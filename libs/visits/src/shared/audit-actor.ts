import type { AuditActorInput } from '@ohjaamo/audit';
import type { Actor } from '@ohjaamo/platform';

/** The acting user as the audit log names them; explicit, so rows written outside a request still say who. */
export function auditActor(actor: Actor): AuditActorInput {
  return { userId: actor.userId, organisationId: actor.organisationId, roles: actor.roles };
}

// Visits of a client (and desk arrivals linked to one) are a section of the client record.
export const CLIENT_SECTIONS = ['visits'];
