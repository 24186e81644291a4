import type { FieldError } from '@ohjaamo/platform';
import type { ClientFields } from '../client-input';
import { CONTACT_METHODS, type ContactMethod } from '../client-status';
import type { ClientColumns, ClientSnapshot } from './client-columns';
import { clientRule as rule } from './client-field-error';
import { phoneDigits } from './phone-number';
import { blankToNull, isBlank, optionalText, pick } from './text-rules';

const EMAIL_MAX_LENGTH = 254;
const PHONE_MAX_LENGTH = 40;
const STREET_ADDRESS_MAX_LENGTH = 200;
const POST_OFFICE_MAX_LENGTH = 100;
// Deliberately plain: one @, no spaces, a dot in the domain.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const POSTAL_CODE = /^\d{5}$/;

export const ADDRESS_FIELDS = ['streetAddress', 'postalCode', 'postOffice'] as const;

/** Phone, e-mail and the preferred way of contact, which must be one that can be used. */
export function contactOf(
  input: ClientFields,
  current: ClientSnapshot | null,
  errors: FieldError[],
  columns: ClientColumns,
): void {
  if (input.phone !== undefined) {
    const phone = blankToNull(input.phone);
    const digits = phone === null ? null : phoneDigits(phone);
    if (phone !== null && (digits === null || phone.length > PHONE_MAX_LENGTH)) {
      errors.push(rule('phone', 'phoneInvalid'));
    } else {
      columns.phone = phone;
      columns.phoneDigits = digits;
    }
  }
  if (input.email !== undefined) {
    const email = blankToNull(input.email);
    if (email !== null && (email.length > EMAIL_MAX_LENGTH || !EMAIL.test(email))) {
      errors.push({ field: 'email', code: 'isEmail' });
    } else columns.email = email;
  }
  if (input.preferredContact !== undefined) {
    const method = input.preferredContact;
    if (method !== null && !(CONTACT_METHODS as readonly unknown[]).includes(method)) {
      errors.push({ field: 'preferredContact', code: 'isIn' });
      return;
    }
    columns.preferredContact = method;
  }
  const touched = ['phone', 'email', 'preferredContact'].some(
    (f) => input[f as keyof ClientFields] !== undefined,
  );
  if (!touched || errors.some((e) => ['phone', 'email'].includes(e.field))) return;
  // The preferred way to reach someone must be one we can use.
  const method = pick(columns.preferredContact, current?.preferredContact);
  const needs: Partial<Record<ContactMethod, 'phone' | 'email'>> = {
    phone: 'phone',
    sms: 'phone',
    email: 'email',
  };
  const needed = method ? needs[method] : undefined;
  if (needed && !pick(columns[needed], current?.[needed])) {
    errors.push(rule('preferredContact', 'preferredContactMissing'));
  }
}

export /** The non-disclosure order and the address it rules out. */
function addressOf(
  input: ClientFields,
  current: ClientSnapshot | null,
  errors: FieldError[],
  columns: ClientColumns,
): void {
  if (input.nonDisclosure !== undefined) {
    if (typeof input.nonDisclosure !== 'boolean') {
      errors.push({ field: 'nonDisclosure', code: 'isBoolean' });
      return;
    }
    columns.nonDisclosure = input.nonDisclosure;
  }
  const protectedPerson = columns.nonDisclosure ?? current?.nonDisclosure ?? false;
  if (protectedPerson) {
    // No address is stored for a person with a non-disclosure order: refuse one given,
    // and drop one stored before the order.
    for (const field of ADDRESS_FIELDS) {
      if (!isBlank(input[field])) errors.push(rule(field, 'addressNotAllowed'));
      columns[field] = null;
    }
    return;
  }
  optionalText('streetAddress', input.streetAddress, STREET_ADDRESS_MAX_LENGTH, errors, columns);
  optionalText('postOffice', input.postOffice, POST_OFFICE_MAX_LENGTH, errors, columns);
  if (input.postalCode !== undefined) {
    const code = blankToNull(input.postalCode);
    if (code !== null && !POSTAL_CODE.test(code)) {
      errors.push(rule('postalCode', 'postalCodeInvalid'));
    } else columns.postalCode = code;
  }
}
