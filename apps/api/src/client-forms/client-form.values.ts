import type { ClientFields, ClientView, CreateClientInput } from '@ohjaamo/clients';
import { IDENTIFICATION_FIELDS } from '@ohjaamo/clients';

/** What the register and edit forms hold, as typed (strings) or re-shown after an error. */
export interface ClientFormValues {
  firstName: string;
  lastName: string;
  /** Only what the user typed in this request: a stored code is never put back in a form. */
  identityCode: string;
  birthDate: string;
  phone: string;
  email: string;
  preferredContact: string;
  language: string;
  municipality: string;
  gender: string;
  nonDisclosure: boolean;
  streetAddress: string;
  postalCode: string;
  postOffice: string;
  responsibleWorkerId: string;
}

const TEXT_KEYS = [
  'firstName',
  'lastName',
  'identityCode',
  'birthDate',
  'phone',
  'email',
  'preferredContact',
  'language',
  'municipality',
  'gender',
  'streetAddress',
  'postalCode',
  'postOffice',
  'responsibleWorkerId',
] as const;
type TextKey = (typeof TEXT_KEYS)[number];

const ADDRESS_KEYS = ['streetAddress', 'postalCode', 'postOffice'] as const;

export function emptyClientForm(): ClientFormValues {
  const values = Object.fromEntries(TEXT_KEYS.map((k) => [k, ''])) as Record<TextKey, string>;
  return { ...values, nonDisclosure: false };
}

export function clientFormFromBody(body: Record<string, unknown>): ClientFormValues {
  const values = emptyClientForm();
  for (const key of TEXT_KEYS) {
    const value = body[key];
    values[key] = typeof value === 'string' ? value.trim() : '';
  }
  values.nonDisclosure = body.nonDisclosure === 'on' || body.nonDisclosure === 'true';
  return values;
}

/** The stored client as the edit form starts: everything but the identity code itself. */
export function clientFormFromView(view: ClientView): ClientFormValues {
  const details = view.details;
  return {
    ...emptyClientForm(),
    firstName: view.firstName,
    lastName: view.lastName,
    birthDate: view.birthDate ?? '',
    language: view.language ?? '',
    municipality: view.municipality ?? '',
    phone: details?.phone ?? '',
    email: details?.email ?? '',
    preferredContact: details?.preferredContact ?? '',
    gender: details?.gender ?? '',
    nonDisclosure: details?.nonDisclosure ?? false,
    streetAddress: details?.streetAddress ?? '',
    postalCode: details?.postalCode ?? '',
    postOffice: details?.postOffice ?? '',
    responsibleWorkerId: details?.responsibleWorkerId ?? '',
  };
}

/** A new client: blank fields are left out, the service checks the rest. */
export function toCreateInput(values: ClientFormValues): CreateClientInput {
  const input: CreateClientInput = { firstName: values.firstName, lastName: values.lastName };
  const fields = input as unknown as Record<string, unknown>;
  for (const key of TEXT_KEYS) {
    if (key === 'firstName' || key === 'lastName' || values[key] === '') continue;
    if (values.nonDisclosure && (ADDRESS_KEYS as readonly string[]).includes(key)) continue;
    fields[key] = values[key];
  }
  input.nonDisclosure = values.nonDisclosure;
  return input;
}

/**
 * A change: every field the user may edit is sent (blank clears it), except the identity
 * code, which changes only when a new one is typed. Under a non-disclosure order the
 * address is cleared. `full` is false for users who see identification only.
 */
export function toUpdateInput(values: ClientFormValues, full: boolean): ClientFields {
  const input: Record<string, unknown> = {};
  const keys = full ? TEXT_KEYS : TEXT_KEYS.filter((k) => isIdentificationField(k));
  for (const key of keys) {
    if (key === 'identityCode') {
      if (values.identityCode !== '') input.identityCode = values.identityCode;
      continue;
    }
    if (key === 'firstName' || key === 'lastName') input[key] = values[key];
    else input[key] = values[key] === '' ? null : values[key];
  }
  if (full) {
    input.nonDisclosure = values.nonDisclosure;
    if (values.nonDisclosure) for (const key of ADDRESS_KEYS) input[key] = null;
  }
  return input;
}

function isIdentificationField(key: string): boolean {
  return (IDENTIFICATION_FIELDS as readonly string[]).includes(key);
}
