/** Why a client relationship ended (DOMAIN.md §3). */
export const END_REASONS = [
  'goal_reached',
  'moved_away',
  'no_contact',
  'own_wish',
  'other',
] as const;
export type EndReason = (typeof END_REASONS)[number];

export const CLIENT_STATUSES = ['active', 'ended'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

export const CONTACT_METHODS = ['phone', 'sms', 'email', 'in_person'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** A client's gender as the young person states it; optional. */
export const CLIENT_GENDERS = ['female', 'male', 'other', 'not_stated'] as const;
export type ClientGender = (typeof CLIENT_GENDERS)[number];
