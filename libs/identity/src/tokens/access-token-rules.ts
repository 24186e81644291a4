import type { FieldError } from '@ohjaamo/platform';
import { ALL_PERMISSIONS, permissionsOf, type Permission } from '../permissions/permissions';
import { textErrors } from '../shared/field-rules';

export const TOKEN_NAME_MAX_LENGTH = 100;
export const TOKEN_MAX_DAYS = 366;

export interface NewAccessToken {
  name: string;
  scopes: string[];
  expiresAt: Date;
}

/**
 * Why a token request is not acceptable. Scopes must be known permissions the owner
 * holds now: a token can never do more than its user.
 */
export function accessTokenErrors(
  input: NewAccessToken,
  ownerRoles: readonly string[],
  now = new Date(),
): FieldError[] {
  const errors = textErrors('name', input.name, TOKEN_NAME_MAX_LENGTH);

  if (!Array.isArray(input.scopes) || input.scopes.length === 0) {
    errors.push({ field: 'scopes', code: 'arrayNotEmpty' });
  } else {
    const held = permissionsOf(ownerRoles);
    input.scopes.forEach((scope, i) => {
      const field = `scopes.${i}`;
      if (!(ALL_PERMISSIONS as readonly unknown[]).includes(scope)) {
        errors.push({ field, code: 'scopeUnknown', messageKey: 'identity.scopeUnknown' });
      } else if (!held.has(scope as Permission)) {
        errors.push({
          field,
          code: 'scopeNotHeld',
          messageKey: 'identity.scopeNotHeld',
          params: { scope },
        });
      }
    });
  }

  const expiresAt = input.expiresAt;
  if (!(expiresAt instanceof Date) || Number.isNaN(expiresAt.getTime())) {
    errors.push({ field: 'expiresAt', code: 'isISO8601' });
  } else if (expiresAt.getTime() <= now.getTime()) {
    errors.push({ field: 'expiresAt', code: 'expiryInPast', messageKey: 'identity.expiryInPast' });
  } else if (expiresAt.getTime() > now.getTime() + TOKEN_MAX_DAYS * 86_400_000) {
    errors.push({
      field: 'expiresAt',
      code: 'expiryTooFar',
      messageKey: 'identity.expiryTooFar',
      params: { max: TOKEN_MAX_DAYS },
    });
  }
  return errors;
}
