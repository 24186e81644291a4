import type { FieldError } from '@ohjaamo/platform';
import type { ClientFields } from '../client-input';
import { CLIENT_GENDERS, type ClientGender } from '../client-status';
import type { ValidIdentityCode } from '../identity-code/identity-code';
import { birthDateOf, identityCodeOf } from './birth-date-rules';
import type { ClientColumns, ClientSnapshot } from './client-columns';
import { clientRule as rule } from './client-field-error';
import { addressOf, contactOf } from './contact-rules';
import { nameKey } from './name-key';
import { blankToNull, optionalText, textProblem } from './text-rules';

export type { ClientColumns, ClientSnapshot } from './client-columns';

export const NAME_MAX_LENGTH = 100;
const MUNICIPALITY_MAX_LENGTH = 100;
const LANGUAGE = /^[a-z]{2,3}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PreparedClientFields {
  errors: FieldError[];
  /** Column values to write: trimmed, normalised, derived values filled in. */
  columns: ClientColumns;
  /** Left out: unchanged. Null: removed. Otherwise the validated code to store. */
  identityCode?: ValidIdentityCode | null;
}

/**
 * Checks and normalises client input. `current` is null when creating (names are then
 * required). Fields left out of an update are not checked, except where a rule spans
 * fields (birth date and identity code, contact method and its detail, non-disclosure and
 * address). `today` is the Helsinki date. Collects every error so one answer names them all.
 */
export function prepareClientFields(
  raw: ClientFields,
  current: ClientSnapshot | null,
  today: string,
): PreparedClientFields {
  const errors: FieldError[] = [];
  const input = withTextOnly(raw, errors);
  const columns: ClientColumns = {};
  const given = (field: keyof ClientFields): boolean => input[field] !== undefined;

  for (const field of ['firstName', 'lastName'] as const) {
    if ((!given(field) && current) || errors.some((e) => e.field === field)) continue;
    const value = input[field];
    const problem = textProblem(field, value, NAME_MAX_LENGTH, true);
    if (problem) errors.push(problem);
    else {
      const trimmed = (value as string).trim();
      columns[field] = trimmed;
      columns[field === 'firstName' ? 'firstNameKey' : 'lastNameKey'] = nameKey(trimmed);
    }
  }

  const identityCode = identityCodeOf(input, errors, today);
  birthDateOf(input, current, identityCode, today, errors, columns);
  contactOf(input, current, errors, columns);
  addressOf(input, current, errors, columns);

  if (given('language')) {
    const language = blankToNull(input.language)?.toLowerCase() ?? null;
    if (language !== null && !LANGUAGE.test(language)) {
      errors.push(rule('language', 'languageInvalid'));
    } else columns.language = language;
  }
  if (given('gender')) {
    const gender = blankToNull(input.gender);
    if (gender !== null && !(CLIENT_GENDERS as readonly string[]).includes(gender)) {
      errors.push(rule('gender', 'genderInvalid'));
    } else columns.gender = gender as ClientGender | null;
  }
  optionalText('municipality', input.municipality, MUNICIPALITY_MAX_LENGTH, errors, columns);
  if (given('responsibleWorkerId')) {
    const id = blankToNull(input.responsibleWorkerId);
    if (id !== null && !UUID.test(id)) {
      errors.push({ field: 'responsibleWorkerId', code: 'isUUID' });
    } else columns.responsibleWorkerId = id;
  }

  const prepared: PreparedClientFields = { errors, columns };
  if (identityCode !== undefined) prepared.identityCode = identityCode;
  return prepared;
}

const TEXT_FIELDS = [
  'firstName',
  'lastName',
  'identityCode',
  'birthDate',
  'phone',
  'email',
  'preferredContact',
  'language',
  'municipality',
  'streetAddress',
  'postalCode',
  'postOffice',
  'responsibleWorkerId',
] as const;

// Callers outside HTTP get the same answer as the API for a value of the wrong type,
// instead of it being read as "blank".
function withTextOnly(input: ClientFields, errors: FieldError[]): ClientFields {
  const copy: Record<string, unknown> = { ...input };
  for (const field of TEXT_FIELDS) {
    const value = copy[field];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      errors.push({ field, code: 'isString' });
      delete copy[field];
    }
  }
  return copy;
}
