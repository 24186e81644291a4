import type { RegistryAccess } from './access/client-access.policy';
import { IDENTIFICATION_FIELDS } from './access/registry-sections';
import type { Client } from './client.entity';
import type { ClientFields } from './client-input';
import { clientRule } from './rules/client-field-error';
import type { ClientColumns, ClientSnapshot } from './rules/client-columns';
import type { FieldError } from '@ohjaamo/platform';

// Columns derived from others or stored in another form; the audit row names the fields
// the user changed instead.
const COLUMN_FIELD: Record<string, string | null> = {
  firstNameKey: null,
  lastNameKey: null,
  phoneDigits: null,
  identityCodeEncrypted: null,
  identityCodeHash: 'identityCode',
};

/** Names of the fields given a value (for the audit row; never the values). */
export function givenFields(input: ClientFields): string[] {
  return Object.entries(input)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([field]) => field);
}

export function snapshotOf(client: Client): ClientSnapshot {
  return {
    birthDate: client.birthDate,
    phone: client.phone,
    email: client.email,
    preferredContact: client.preferredContact,
    nonDisclosure: client.nonDisclosure,
    hasIdentityCode: client.identityCodeHash !== null,
  };
}

/** Fields given by an actor who sees the identification only, outside it. */
export function notWritable(input: ClientFields, access: RegistryAccess): FieldError[] {
  if (access.view === 'full') return [];
  return Object.keys(input)
    .filter((field) => input[field as keyof ClientFields] !== undefined)
    .filter((field) => !(IDENTIFICATION_FIELDS as readonly string[]).includes(field))
    .map((field) => clientRule(field, 'fieldNotAllowed'));
}

/** The columns whose value differs from what is stored. */
export function changedColumns(current: Client, columns: ClientColumns): Partial<Client> {
  const changes: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(columns)) {
    if (current[column as keyof Client] !== value) changes[column] = value;
  }
  return changes;
}

/** The input fields behind a set of changed columns. */
export function changedFields(changes: Partial<Client>): string[] {
  const fields = Object.keys(changes)
    .map((column) => (column in COLUMN_FIELD ? COLUMN_FIELD[column] : column))
    .filter((field): field is string => field !== null);
  return [...new Set(fields)];
}
