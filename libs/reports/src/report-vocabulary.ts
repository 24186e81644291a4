/**
 * The code lists the report counts by, owned by other libs (visits, plans, outcomes) that
 * this lib may not import; the apps pass them in (see the apps' report wiring).
 */
export interface ReportVocabulary {
  channels: readonly string[];
  planTypes: readonly string[];
  /** Outcome categories by report group, in the order of the transition table. */
  outcomeGroups: Readonly<Record<string, readonly string[]>>;
}

/** Groups whose outcomes count as an offer for the Youth Guarantee (not "other"). */
export const OFFER_GROUPS = ['work', 'education', 'services'];

export function offerCategories(vocabulary: ReportVocabulary): string[] {
  return OFFER_GROUPS.flatMap((group) => vocabulary.outcomeGroups[group] ?? []);
}

/** Report dimensions this lib owns itself. */
export const AGE_BANDS = ['15_17', '18_24', '25_29', 'other'] as const;
export const REPORT_GENDERS = ['female', 'male', 'other', 'not_stated'] as const;
export const REPORT_LANGUAGES = ['fi', 'sv', 'en', 'other'] as const;
export const FOLLOW_UP_POINTS = ['3', '6', '12'] as const;
