import type { FieldError } from '@ohjaamo/platform';
import type { DeskSearchCriteria } from '../client-input';
import { calendarDate, parseIdentityCode } from '../identity-code/identity-code';
import { clientRule as rule, identityCodeError } from '../rules/client-field-error';
import { phoneSearch, type PhoneSearch } from '../rules/phone-number';

/** One way to read the name typed at the desk: prefixes of the last and first name. */
export interface NameAlternative {
  last: string;
  first?: string;
}

/** The desk's criteria, checked and ready for SQL. */
export interface DeskSearch {
  names?: NameAlternative[];
  birthDate?: string;
  phone?: PhoneSearch;
  /** Normalised; the service turns it into its blind index. */
  identityCode?: string;
  /** Which criteria were used: what the audit row may say (never their values). */
  used: (keyof DeskSearchCriteria)[];
}

const NAME_MIN_LENGTH = 2;
const NAME_MAX_LENGTH = 200;
// "Aino Maria Virtanen-Mäki" at most; more words only multiply the alternatives.
const NAME_MAX_WORDS = 4;

export function resolveDeskSearch(criteria: DeskSearchCriteria): {
  errors: FieldError[];
  search: DeskSearch;
} {
  const errors: FieldError[] = [];
  const search: DeskSearch = { used: [] };
  const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

  const name = text(criteria.name);
  if (name) {
    search.used.push('name');
    if ([...name].length < NAME_MIN_LENGTH || [...name].length > NAME_MAX_LENGTH) {
      errors.push(rule('name', 'nameSearchLength'));
    } else search.names = nameAlternatives(name);
  }
  const birthDate = text(criteria.birthDate);
  if (birthDate) {
    search.used.push('birthDate');
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
    if (!match || !calendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
      errors.push(rule('birthDate', 'birthDateInvalid'));
    } else search.birthDate = birthDate;
  }
  const phone = text(criteria.phone);
  if (phone) {
    search.used.push('phone');
    const parsed = phoneSearch(phone);
    if (!parsed) errors.push(rule('phone', 'phoneSearchInvalid'));
    else search.phone = parsed;
  }
  const identityCode = text(criteria.identityCode);
  if (identityCode) {
    search.used.push('identityCode');
    const parsed = parseIdentityCode(identityCode);
    if (!parsed.valid) errors.push(identityCodeError(parsed.problem));
    else search.identityCode = parsed.code;
  }
  if (search.used.length === 0) errors.push(rule('criteria', 'criteriaMissing'));
  return { errors, search };
}

/**
 * The readings of a typed name: "Virtanen" is a last name; "Virtanen, Aino" is last then
 * first; words without a comma may be in either order and a name may have several words.
 */
export function nameAlternatives(name: string): NameAlternative[] {
  const comma = name.indexOf(',');
  if (comma >= 0) {
    const last = name.slice(0, comma).trim();
    const first = name.slice(comma + 1).trim();
    if (!last) return first ? [{ last: first }] : [];
    return [first ? { last, first } : { last }];
  }
  const words = name.split(/\s+/).filter(Boolean).slice(0, NAME_MAX_WORDS);
  const out: NameAlternative[] = [{ last: words.join(' ') }];
  for (let split = 1; split < words.length; split++) {
    const head = words.slice(0, split).join(' ');
    const tail = words.slice(split).join(' ');
    out.push({ last: head, first: tail }, { last: tail, first: head });
  }
  return out;
}
