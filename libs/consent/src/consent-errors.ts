import { DomainError } from '@ohjaamo/platform';

export const consentNotFound = (): DomainError => DomainError.notFound('consent_not_found');
export const clientNotFound = (): DomainError => DomainError.notFound('client_not_found');
/** The consent is no longer given (withdrawn, replaced, refused or expired already). */
export const consentNotGiven = (): DomainError => DomainError.conflict('consent_not_given');
