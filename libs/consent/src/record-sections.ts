/**
 * Data categories of the shared client record (DOMAIN.md §4). A consent names some of
 * them; every record entry belongs to exactly one. `health_social` is a special category.
 */
export const RECORD_SECTIONS = [
  'basic',
  'situation',
  'plan',
  'agency_notes',
  'benefits',
  'employment',
  'health_social',
  'contacts',
] as const;
export type RecordSection = (typeof RECORD_SECTIONS)[number];

export function isRecordSection(value: unknown): value is RecordSection {
  return typeof value === 'string' && (RECORD_SECTIONS as readonly string[]).includes(value);
}
