import { LANGUAGES, type FieldError, type Language } from '@ohjaamo/platform';
import { ROLES, type Role } from './role';

export const EMAIL_MAX_LENGTH = 254;
export const DISPLAY_NAME_MAX_LENGTH = 200;

// Deliberately plain: one @, no spaces, a dot in the domain. Deliverability is proven by
// use, not by a regular expression.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailErrors(field: string, email: unknown): FieldError[] {
  if (typeof email !== 'string' || email.trim() === '') return [{ field, code: 'isNotEmpty' }];
  const trimmed = email.trim();
  if (trimmed.length > EMAIL_MAX_LENGTH || !EMAIL.test(trimmed)) {
    return [{ field, code: 'isEmail' }];
  }
  return [];
}

export function rolesErrors(field: string, roles: unknown): FieldError[] {
  if (!Array.isArray(roles) || roles.length === 0) return [{ field, code: 'arrayNotEmpty' }];
  const errors: FieldError[] = [];
  roles.forEach((role, i) => {
    if (!isRole(role)) errors.push({ field: `${field}.${i}`, code: 'isIn' });
  });
  return errors;
}

export function languageErrors(field: string, language: unknown): FieldError[] {
  return isLanguage(language) ? [] : [{ field, code: 'isIn' }];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Roles in a stable order without repeats, so "changed" compares like with like. */
export function canonicalRoles(roles: readonly Role[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}
