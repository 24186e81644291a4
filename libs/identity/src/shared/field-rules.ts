import type { FieldError } from '@ohjaamo/platform';

/**
 * Required single-line text: trimmed, non-empty, at most `max` code points.
 * Returns the errors; the caller collects them so one answer names every bad field.
 */
export function textErrors(field: string, value: unknown, max: number): FieldError[] {
  if (typeof value !== 'string' || value.trim() === '') return [{ field, code: 'isNotEmpty' }];
  if ([...value.trim()].length > max) return [{ field, code: 'maxLength', params: { max } }];
  return [];
}

/** Optional text: null/undefined/blank are fine; otherwise as textErrors. */
export function optionalTextErrors(field: string, value: unknown, max: number): FieldError[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string' && value.trim() === '') return [];
  return textErrors(field, value, max);
}

/** Blank optional text is stored as null, not as an empty string. */
export function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
