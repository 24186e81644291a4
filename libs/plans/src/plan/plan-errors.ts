import { DomainError, type FieldError } from '@ohjaamo/platform';

export const planNotFound = (): DomainError => DomainError.notFound('plan_not_found');

/** Someone saved the plan after this user loaded it; nothing was changed. */
export const planVersionConflict = (): DomainError => DomainError.conflict('plan_version_conflict');

export const unknownParty = (field: string): FieldError => ({
  field,
  code: 'unknownParty',
  messageKey: 'plans.fieldErrors.unknownParty',
});
