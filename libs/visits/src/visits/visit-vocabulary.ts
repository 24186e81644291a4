/** How the young person was met (the national Ohjaamo visit record's "channel"). */
export const VISIT_CHANNELS = [
  'walk_in',
  'appointment',
  'phone',
  'chat',
  'outreach',
  'group',
] as const;
export type VisitChannel = (typeof VISIT_CHANNELS)[number];

/** Gender as told by the visitor; `not_told` is an answer of its own, not a blank. */
export const GENDERS = ['female', 'male', 'other', 'not_told'] as const;
export type Gender = (typeof GENDERS)[number];

/** Age bands of the anonymous statistics; an exact age is always stored with its band too. */
export const AGE_BANDS = ['under_15', '15_17', '18_24', '25_29', '30_plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const MIN_AGE = 10;
export const MAX_AGE = 40;
export const MAX_DURATION_MINUTES = 720;
export const NOTE_MAX_LENGTH = 500;
export const REFERRAL_NOTE_MAX_LENGTH = 200;
export const MUNICIPALITY_MAX_LENGTH = 100;
export const SERVICE_ITEM_MAX_LENGTH = 100;
export const MAX_SERVICE_ITEMS = 20;
export const MAX_TOPICS = 20;
export const MAX_PARTICIPANTS = 20;

/** A start time may be this far ahead of the server clock (clocks of desk machines drift). */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;
/**
 * How far back a visit may be logged: long enough for visits logged after a weekend or a
 * busy outreach week, short enough that monthly reports do not change long after the fact.
 */
export const MAX_BACKDATE_DAYS = 14;

export function ageBandOf(age: number): AgeBand {
  if (age < 15) return 'under_15';
  if (age < 18) return '15_17';
  if (age < 25) return '18_24';
  if (age < 30) return '25_29';
  return '30_plus';
}

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
