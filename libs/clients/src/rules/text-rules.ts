import type { FieldError } from '@ohjaamo/platform';
import type { ClientColumns } from './client-columns';

/** An optional single-line text field: blank is stored as null. */
export function optionalText(
  field: 'municipality' | 'streetAddress' | 'postOffice',
  value: unknown,
  max: number,
  errors: FieldError[],
  columns: ClientColumns,
): void {
  if (value === undefined) return;
  const problem = textProblem(field, value, max, false);
  if (problem) errors.push(problem);
  else columns[field] = blankToNull(value as string | null);
}

export function textProblem(
  field: string,
  value: unknown,
  max: number,
  required: boolean,
): FieldError | null {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
    return required ? { field, code: 'isNotEmpty' } : null;
  }
  if (typeof value !== 'string') return { field, code: 'isString' };
  if ([...value.trim()].length > max) return { field, code: 'maxLength', params: { max } };
  return null;
}

export function isBlank(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}

export function blankToNull(value: string | null | undefined): string | null {
  const trimmed = typeof value === 'string' ? value.trim() : null;
  return trimmed ? trimmed : null;
}

/** The new value if the input set one (null included), else the stored one. */
export function pick<T>(next: T | undefined, stored: T | undefined): T | undefined {
  return next !== undefined ? next : stored;
}
