import type { FieldError } from '@ohjaamo/platform';

/**
 * Errors as a form shows them: one per field, and errors on list items ("roles.1",
 * "siteIds.0") moved to their checkbox group, which is what the user can correct.
 */
export function formErrors(errors: FieldError[], lists: readonly string[] = []): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const error of errors) {
    const head = error.field.split('.')[0];
    const field = lists.includes(head) ? head : error.field;
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ ...error, field });
  }
  return out;
}

/** A form value as the text to put back into its input. */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
