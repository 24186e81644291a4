import { PossibleDuplicatesError, type DuplicateCandidate } from '@ohjaamo/clients';
import { DomainError, type FieldError } from '@ohjaamo/platform';

/** How a failed save is shown on the form; anything else is not the form's to answer. */
export type FormFailure =
  | { kind: 'fields'; errors: FieldError[] }
  | { kind: 'duplicates'; candidates: DuplicateCandidate[] }
  | { kind: 'conflict' };

export function formFailureOf(error: unknown): FormFailure | null {
  if (error instanceof PossibleDuplicatesError) {
    return { kind: 'duplicates', candidates: error.candidates };
  }
  if (!(error instanceof DomainError)) return null;
  // Validation errors, and "identity code taken", which names its field.
  if (error.fieldErrors.length > 0 && (error.kind === 'validation' || error.kind === 'conflict')) {
    return { kind: 'fields', errors: error.fieldErrors };
  }
  if (error.code === 'client_version_conflict') return { kind: 'conflict' };
  return null;
}
