import { DomainError, type FieldError } from '@ohjaamo/platform';
import type { DuplicateCandidate } from './client-input';

/** Another client already has this identity code. Nothing about that client is revealed. */
export function identityCodeTakenError(): DomainError {
  return new DomainError('conflict', 'identity_code_taken', [identityCodeTakenField()]);
}

export function identityCodeTakenField(): FieldError {
  return {
    field: 'identityCode',
    code: 'identityCodeTaken',
    messageKey: 'clients.fieldErrors.identityCodeTaken',
  };
}

/**
 * Clients that look like the one being created (same birth date and a similar name, or
 * the same phone number). Creating anyway needs `acknowledgeDuplicates`.
 */
export class PossibleDuplicatesError extends DomainError {
  constructor(readonly candidates: DuplicateCandidate[]) {
    super('conflict', 'possible_duplicates');
  }
}

export function clientNotFound(): DomainError {
  return DomainError.notFound('client_not_found');
}

/** Someone else saved the client after this user loaded it. */
export function versionConflict(): DomainError {
  return DomainError.conflict('client_version_conflict');
}

export function forbidden(): DomainError {
  return new DomainError('forbidden', 'forbidden');
}
