/** Kinds of opportunity counsellors map (DOMAIN §7), hidden jobs (piilotyöpaikat) included. */
export const VACANCY_KINDS = [
  'job',
  'summer_job',
  'work_trial',
  'wage_subsidy',
  'apprenticeship',
  'hidden_job',
] as const;
export type VacancyKind = (typeof VACANCY_KINDS)[number];
