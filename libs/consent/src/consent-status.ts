export const CONSENT_STATUSES = [
  'requested',
  'given',
  'refused',
  'withdrawn',
  'expired',
  'replaced',
] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export const CONSENT_METHODS = ['signed_paper', 'signature_on_screen', 'electronic'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const CONSENT_LANGUAGES = ['fi', 'sv', 'en'] as const;
export type ConsentLanguage = (typeof CONSENT_LANGUAGES)[number];

// The status machine of DOMAIN.md §5: a given consent is never edited, only ended.
const TRANSITIONS: Record<ConsentStatus, readonly ConsentStatus[]> = {
  requested: ['given', 'refused'],
  given: ['withdrawn', 'expired', 'replaced'],
  refused: [],
  withdrawn: [],
  expired: [],
  replaced: [],
};

export function mayTransition(from: ConsentStatus, to: ConsentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}
