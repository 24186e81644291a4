import type { FieldError } from '@ohjaamo/platform';
import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export interface PasswordContext {
  email?: string | null;
  displayName?: string | null;
}

/**
 * Why a new password is not acceptable, as field errors (empty when it is fine).
 * Length is counted in code points so "ääkköset" and emoji count as users see them.
 */
export function passwordPolicyErrors(
  password: unknown,
  context: PasswordContext,
  field = 'password',
): FieldError[] {
  if (typeof password !== 'string' || password.length === 0) {
    return [{ field, code: 'isNotEmpty' }];
  }
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return [error(field, 'passwordTooShort', { min: PASSWORD_MIN_LENGTH })];
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return [error(field, 'passwordTooLong', { max: PASSWORD_MAX_LENGTH })];
  }
  const errors: FieldError[] = [];
  const lower = password.toLowerCase();
  const localPart = (context.email ?? '').split('@')[0].trim().toLowerCase();
  // Very short local parts ("jk@...") would forbid half the alphabet.
  if (localPart.length >= 3 && lower.includes(localPart)) {
    errors.push(error(field, 'passwordContainsEmail'));
  }
  const name = squash(context.displayName ?? '');
  if (name.length > 0 && squash(password) === name) {
    errors.push(error(field, 'passwordIsName'));
  }
  if (isTooCommon(lower)) errors.push(error(field, 'passwordTooCommon'));
  return errors;
}

// A listed password, or one character repeated or cycled ("aaaaaaaaaaaa", "abababababab").
function isTooCommon(lower: string): boolean {
  return COMMON_PASSWORDS.has(lower) || new Set(lower).size < 3;
}

function squash(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

function error(field: string, code: string, params?: FieldError['params']): FieldError {
  return { field, code, messageKey: `identity.${code}`, ...(params ? { params } : {}) };
}
