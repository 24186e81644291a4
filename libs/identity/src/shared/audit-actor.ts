import type { AuditActorInput } from '@ohjaamo/audit';
import { requestContext } from '@ohjaamo/platform';

interface ActorSource {
  id: string;
  organisationId?: string | null;
  roles?: readonly string[];
}

/** The audit actor for a user acting on their own behalf (sign-in, own tokens, own MFA). */
export function actorOf(user: ActorSource): AuditActorInput {
  return { userId: user.id, organisationId: user.organisationId ?? null, roles: user.roles ?? [] };
}

/**
 * Self-service actions: the signed-in actor when there is one (AuditService reads it),
 * else the user themself, so rows written outside a request still name who acted.
 */
export function selfActor(user: ActorSource): AuditActorInput | undefined {
  return requestContext.current()?.actor ? undefined : actorOf(user);
}

/** The signed-in user's id, for rules such as "an admin may not deactivate themself". */
export function currentActorId(): string | undefined {
  return requestContext.current()?.actor?.userId;
}
