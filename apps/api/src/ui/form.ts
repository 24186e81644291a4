import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError, FieldError, toFieldErrors } from '@ohjaamo/platform';

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/**
 * Validates a submitted HTML form with the same DTO rules the API uses. Pages call this
 * instead of the global pipe so that bad input re-renders the form with each error next
 * to its field, keeping what the user typed.
 */
export async function parseForm<T extends object>(
  dto: new () => T,
  body: unknown,
): Promise<FormResult<T>> {
  const value = plainToInstance(dto, body ?? {}, { enableImplicitConversion: false });
  const errors = await validate(value, {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
  });
  return errors.length ? { ok: false, errors: toFieldErrors(errors) } : { ok: true, value };
}

/** The field errors of a domain validation error, or null for any other error. */
export function validationErrorsOf(error: unknown): FieldError[] | null {
  return error instanceof DomainError && error.kind === 'validation' ? error.fieldErrors : null;
}

/** HTML checkbox groups arrive as a string or an array; forms want an array. */
export function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' && value !== '' ? [value] : [];
}
