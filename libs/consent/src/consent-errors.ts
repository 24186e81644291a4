import { DomainError } from '@ohjaamo/platform';

export const consentNotFound = (): DomainError => DomainError.notFound('consent_not_found');
export const clientNotFound = (): DomainError => DomainError.notFound('client_not_found');
/** The consent is no longer given (withdrawn, replaced, refused or expired already). */
export const consentNotGiven = (): DomainError => DomainError.conflict('consent_not_given');
/** The consent is not awaiting an answer (given, refused or ended already). */
export const consentNotRequested = (): DomainError => DomainError.conflict('consent_not_requested');
