import { phoneDigits } from '@ohjaamo/clients';
import { type FieldError, helsinkiDate, isCalendarDay, LANGUAGES } from '@ohjaamo/platform';
import { isBusinessId, normaliseBusinessId } from './business-id';
import { VACANCY_KINDS, type VacancyKind } from './vacancy-kinds';

export interface EmployerContactInput {
  name: string;
  email?: string | null;
  phone?: string | null;
  language?: string | null;
}

export interface EmployerInput {
  name: string;
  businessId: string;
  industry?: string | null;
  notes?: string | null;
  consentToContact?: boolean;
  /** When consent was given; today when consent is given without a date. */
  consentDate?: string | null;
  contacts?: EmployerContactInput[];
}

export interface VacancyInput {
  kind: string;
  title: string;
  opensOn: string;
  closesOn?: string | null;
}

/** An employer's columns after the rules, ready to save. */
export interface CleanEmployer {
  name: string;
  businessId: string;
  industry: string | null;
  notes: string | null;
  consentToContact: boolean;
  consentDate: string | null;
  contacts: { name: string; email: string | null; phone: string | null; language: string }[];
}

// Deliberately plain: one @, no spaces, a dot in the domain (as client e-mails).
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
export const MAX_CONTACTS = 20;

export const employerError = (field: string, code: string): FieldError => ({
  field,
  code,
  messageKey: `employers.fieldErrors.${code}`,
});

const text = (value: string | null | undefined): string | null =>
  value?.trim() ? value.trim() : null;

export function cleanEmployer(
  input: EmployerInput,
  now: Date,
): { value: CleanEmployer; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const name = text(input.name);
  if (!name) errors.push(employerError('name', 'nameRequired'));
  const businessId = normaliseBusinessId(input.businessId ?? '');
  if (!isBusinessId(businessId)) errors.push(employerError('businessId', 'businessIdInvalid'));
  const consentToContact = input.consentToContact === true;
  let consentDate: string | null = null;
  if (consentToContact) {
    consentDate = input.consentDate ?? helsinkiDate(now);
    if (!isCalendarDay(consentDate)) errors.push(employerError('consentDate', 'invalidDate'));
    else if (consentDate > helsinkiDate(now)) {
      errors.push(employerError('consentDate', 'consentInFuture'));
    }
  }
  const contacts = (input.contacts ?? []).map((contact, i) => {
    const field = (name: string): string => `contacts.${i}.${name}`;
    const email = text(contact.email);
    const phone = text(contact.phone);
    const language = contact.language ?? 'fi';
    if (!text(contact.name)) errors.push(employerError(field('name'), 'nameRequired'));
    if (email && !EMAIL.test(email)) errors.push({ field: field('email'), code: 'isEmail' });
    if (phone && phoneDigits(phone) === null) {
      errors.push(employerError(field('phone'), 'phoneInvalid'));
    }
    if (!(LANGUAGES as readonly string[]).includes(language)) {
      errors.push(employerError(field('language'), 'unknownLanguage'));
    }
    if (!email && !phone) errors.push(employerError(field('email'), 'contactRequired'));
    return { name: text(contact.name) ?? '', email, phone, language };
  });
  if (contacts.length > MAX_CONTACTS) errors.push(employerError('contacts', 'tooManyContacts'));
  return {
    value: {
      name: name ?? '',
      businessId,
      industry: text(input.industry),
      notes: text(input.notes),
      consentToContact,
      consentDate,
      contacts,
    },
    errors,
  };
}

export function vacancyErrors(input: VacancyInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!(VACANCY_KINDS as readonly string[]).includes(input.kind)) {
    errors.push(employerError('kind', 'unknownKind'));
  }
  if (!text(input.title)) errors.push(employerError('title', 'titleRequired'));
  const opens = isCalendarDay(input.opensOn);
  if (!opens) errors.push(employerError('opensOn', 'invalidDate'));
  if (input.closesOn != null && input.closesOn !== '') {
    if (!isCalendarDay(input.closesOn)) errors.push(employerError('closesOn', 'invalidDate'));
    else if (opens && input.closesOn < input.opensOn) {
      errors.push(employerError('closesOn', 'closesBeforeOpens'));
    }
  }
  return errors;
}

export function cleanVacancy(input: VacancyInput): {
  kind: VacancyKind;
  title: string;
  opensOn: string;
  closesOn: string | null;
} {
  return {
    kind: input.kind as VacancyKind,
    title: input.title.trim(),
    opensOn: input.opensOn,
    closesOn: input.closesOn ? input.closesOn : null,
  };
}
