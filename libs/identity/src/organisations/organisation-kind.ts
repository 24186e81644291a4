/** Kinds of agency working in an Ohjaamo (DOMAIN.md §2). Consent can name a kind. */
export const ORGANISATION_KINDS = [
  'youth_services',
  'employment_services',
  'kela',
  'social_services',
  'education',
  'outreach_youth_work',
  'youth_workshop',
  'health_services',
  'ngo',
  'other',
] as const;

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
