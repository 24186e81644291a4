import type { EmployerInput, VacancyInput } from '@ohjaamo/employers';
import { text } from '../admin/form-errors';

/** Empty contact-person rows on the form: one more than the employer has, at least two. */
export const CONTACT_ROWS = 2;
const MAX_ROWS = 21;

export interface EmployerFormValues {
  name: string;
  businessId: string;
  industry: string;
  notes: string;
  consentToContact: boolean;
  consentDate: string;
  contacts: { name: string; email: string; phone: string; language: string }[];
}

export function emptyEmployerForm(rows = CONTACT_ROWS): EmployerFormValues {
  return {
    name: '',
    businessId: '',
    industry: '',
    notes: '',
    consentToContact: false,
    consentDate: '',
    contacts: Array.from({ length: rows }, () => ({
      name: '',
      email: '',
      phone: '',
      language: 'fi',
    })),
  };
}

/** The form as typed: `contactRows` rows of `contact-<i>-<field>`. */
export function employerFormFrom(body: Record<string, unknown>): EmployerFormValues {
  const rows = Math.min(Math.max(Number(text(body.contactRows)) || CONTACT_ROWS, 1), MAX_ROWS);
  return {
    name: text(body.name),
    businessId: text(body.businessId),
    industry: text(body.industry),
    notes: text(body.notes),
    consentToContact: body.consentToContact === 'true',
    consentDate: text(body.consentDate),
    contacts: Array.from({ length: rows }, (_, i) => ({
      name: text(body[`contact-${i}-name`]),
      email: text(body[`contact-${i}-email`]),
      phone: text(body[`contact-${i}-phone`]),
      language: text(body[`contact-${i}-language`]) || 'fi',
    })),
  };
}

/** Empty contact rows are left out; the employer rules check the rest. */
export function toEmployerInput(values: EmployerFormValues): {
  input: EmployerInput;
  rowOf: number[];
} {
  const rowOf: number[] = [];
  const contacts = values.contacts.filter((c, i) => {
    const used = Boolean(c.name.trim() || c.email.trim() || c.phone.trim());
    if (used) rowOf.push(i);
    return used;
  });
  return {
    input: {
      name: values.name,
      businessId: values.businessId,
      industry: values.industry,
      notes: values.notes,
      consentToContact: values.consentToContact,
      consentDate: values.consentDate || null,
      contacts: contacts.map((c) => ({
        name: c.name,
        email: c.email || null,
        phone: c.phone || null,
        language: c.language,
      })),
    },
    rowOf,
  };
}

/** "contacts.1.email" of the input is the form's "contact-<row>-email". */
export function contactFieldOf(field: string, rowOf: number[]): string {
  const match = /^contacts\.(\d+)\.(\w+)$/.exec(field);
  if (!match) return field;
  return `contact-${rowOf[Number(match[1])] ?? 0}-${match[2]}`;
}

export function vacancyFormFrom(body: Record<string, unknown>): VacancyInput {
  return {
    kind: text(body['vacancy-kind']),
    title: text(body['vacancy-title']),
    opensOn: text(body['vacancy-opensOn']),
    closesOn: text(body['vacancy-closesOn']) || null,
  };
}
