/**
 * Parts of a client's basic data, as the audit log names them. The consent-based access
 * policy and the other record sections (situation, plan, notes ...) build on these.
 */
export const REGISTRY_SECTIONS = ['basic', 'contact_details', 'identity_code'] as const;
export type RegistrySection = (typeof REGISTRY_SECTIONS)[number];

/**
 * How much of the registry entry an actor sees: the front desk identifies people
 * (names, birth date, language, municipality, status); advisers see the full entry.
 */
export type RegistryView = 'identification' | 'full';

/** Fields an actor seeing only the identification may change. */
export const IDENTIFICATION_FIELDS = [
  'firstName',
  'lastName',
  'birthDate',
  'language',
  'municipality',
] as const;

const CONTACT_FIELDS: readonly string[] = [
  'phone',
  'email',
  'preferredContact',
  'nonDisclosure',
  'streetAddress',
  'postalCode',
  'postOffice',
];

/** The sections a set of changed fields belongs to, for the audit row of a write. */
export function sectionsOfFields(fields: readonly string[]): RegistrySection[] {
  const sections = new Set<RegistrySection>();
  for (const field of fields) {
    if (field === 'identityCode') sections.add('identity_code');
    else if (CONTACT_FIELDS.includes(field)) sections.add('contact_details');
    else sections.add('basic');
  }
  return [...sections];
}

/** Sections in a stable order without repeats. */
export function mergeSections(...lists: readonly RegistrySection[][]): RegistrySection[] {
  const all = new Set(lists.flat());
  return REGISTRY_SECTIONS.filter((s) => all.has(s));
}
