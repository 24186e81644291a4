/** Outcome categories by report group (DOMAIN.md §6). Codes are stored; labels are i18n. */
export const OUTCOME_GROUPS = {
  work: ['employed_open_market', 'wage_subsidy', 'entrepreneur', 'apprenticeship'],
  education: [
    'upper_secondary_general',
    'vocational',
    'higher_education',
    'preparatory',
    'labour_market_training',
    'self_motivated_study',
  ],
  services: [
    'work_trial',
    'coaching',
    'youth_workshop',
    'rehabilitative_work',
    'rehabilitation',
    'activation_plan',
  ],
  other: ['military_or_civil_service', 'family_leave', 'moved_away', 'lost_contact', 'other'],
} as const;

export type OutcomeGroup = keyof typeof OUTCOME_GROUPS;
export type OutcomeCategory = (typeof OUTCOME_GROUPS)[OutcomeGroup][number];

export const OUTCOME_CATEGORIES: readonly OutcomeCategory[] = Object.values(OUTCOME_GROUPS).flat();

export const OUTCOME_SOURCES = ['young_person', 'agency_record', 'employer'] as const;
export type OutcomeSource = (typeof OUTCOME_SOURCES)[number];

export function isOutcomeCategory(value: unknown): value is OutcomeCategory {
  return (OUTCOME_CATEGORIES as readonly unknown[]).includes(value);
}

export function groupOf(category: OutcomeCategory): OutcomeGroup {
  const entry = Object.entries(OUTCOME_GROUPS).find(([, codes]) =>
    (codes as readonly string[]).includes(category),
  );
  return entry![0] as OutcomeGroup;
}
