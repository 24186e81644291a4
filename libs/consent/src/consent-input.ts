import { ORGANISATION_KINDS } from '@ohjaamo/identity';
import { type FieldError, isCalendarDay } from '@ohjaamo/platform';
import {
  CONSENT_LANGUAGES,
  CONSENT_METHODS,
  type ConsentLanguage,
  type ConsentMethod,
} from './consent-status';
import { isRecordSection, RECORD_SECTIONS, type RecordSection } from './record-sections';

/** What the adviser records from the signed form. */
export interface ConsentInput {
  organisationIds?: string[];
  organisationKinds?: string[];
  sections: string[];
  purpose: string;
  validFrom: string;
  validUntil: string;
  formVersion: string;
  formLanguage: string;
  method: string;
}

export interface ValidConsentInput {
  organisationIds: string[];
  organisationKinds: string[];
  sections: RecordSection[];
  purpose: string;
  validFrom: string;
  validUntil: string;
  formVersion: string;
  formLanguage: ConsentLanguage;
  method: ConsentMethod;
}

const field = (name: string, code: string, params?: Record<string, string>): FieldError => ({
  field: name,
  code,
  messageKey: `consent.fieldErrors.${code}`,
  ...(params ? { params } : {}),
});

/**
 * Checks the scope and period of a consent. `knownOrganisationIds` are those of the given
 * ids that exist. Returns the field errors, or the cleaned input when there are none.
 */
export function checkConsentInput(
  input: ConsentInput,
  knownOrganisationIds: ReadonlySet<string>,
): { errors: FieldError[]; value?: ValidConsentInput } {
  const errors: FieldError[] = [];
  const organisationIds = [...new Set(input.organisationIds ?? [])];
  const organisationKinds = [...new Set(input.organisationKinds ?? [])];
  const sections = [...new Set(input.sections ?? [])];

  const unknownIds = organisationIds.filter((id) => !knownOrganisationIds.has(id));
  if (unknownIds.length > 0) errors.push(field('organisationIds', 'unknownOrganisation'));
  const kinds: readonly string[] = ORGANISATION_KINDS;
  if (organisationKinds.some((k) => !kinds.includes(k))) {
    errors.push(field('organisationKinds', 'unknownOrganisationKind'));
  }
  if (organisationIds.length + organisationKinds.length === 0) {
    errors.push(field('organisationIds', 'noAgencies'));
  }
  if (sections.length === 0) errors.push(field('sections', 'noSections'));
  else if (!sections.every(isRecordSection)) {
    errors.push(field('sections', 'unknownSection', { allowed: RECORD_SECTIONS.join(', ') }));
  }
  const purpose = (input.purpose ?? '').trim();
  if (!purpose) errors.push(field('purpose', 'purposeRequired'));
  if (!isCalendarDay(input.validFrom)) errors.push(field('validFrom', 'invalidDate'));
  if (!isCalendarDay(input.validUntil)) errors.push(field('validUntil', 'invalidDate'));
  else if (isCalendarDay(input.validFrom) && input.validUntil < input.validFrom) {
    errors.push(field('validUntil', 'endsBeforeStart'));
  }
  if (!(CONSENT_LANGUAGES as readonly string[]).includes(input.formLanguage)) {
    errors.push(field('formLanguage', 'unknownLanguage'));
  }
  if (!(CONSENT_METHODS as readonly string[]).includes(input.method)) {
    errors.push(field('method', 'unknownMethod'));
  }
  if (!(input.formVersion ?? '').trim()) errors.push(field('formVersion', 'formVersionRequired'));
  if (errors.length > 0) return { errors };
  return {
    errors,
    value: {
      organisationIds,
      organisationKinds,
      sections: RECORD_SECTIONS.filter((s) => sections.includes(s)),
      purpose,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      formVersion: input.formVersion.trim(),
      formLanguage: input.formLanguage as ConsentLanguage,
      method: input.method as ConsentMethod,
    },
  };
}
