import { accessTokenErrors, type NewAccessToken, type Permission } from '@ohjaamo/identity';
import { DomainError, type FieldError } from '@ohjaamo/platform';
import type { RequestAuth } from '../auth/request-auth';

/**
 * A token made with a token may not reach further than the token making it: its scopes
 * must be among the permissions of this request (the user's, narrowed to the scopes of
 * the token in use). Throws the field errors, with the service's own checks, if not.
 */
export function assertScopesWithinRequest(auth: RequestAuth, input: NewAccessToken): void {
  if (auth.via !== 'token' || !Array.isArray(input.scopes)) return;
  const beyond: FieldError[] = [];
  input.scopes.forEach((scope, i) => {
    if (!auth.permissions.has(scope as Permission)) {
      beyond.push({
        field: `scopes.${i}`,
        code: 'scopeNotHeld',
        messageKey: 'identity.scopeNotHeld',
        params: { scope },
      });
    }
  });
  if (beyond.length === 0) return;
  const others = accessTokenErrors(input, auth.user.roles).filter(
    (e) => !beyond.some((b) => b.field === e.field),
  );
  throw DomainError.validation([...beyond, ...others]);
}
