import {
  isOutcomeCategory,
  OUTCOME_GROUPS,
  OUTCOME_SOURCES,
  type OutcomeInput,
  type OutcomeSource,
} from '@ohjaamo/outcomes';
import type { FieldError, I18nService } from '@ohjaamo/platform';

/** The outcome form as typed. */
export interface OutcomeFormValues {
  category: string;
  startDate: string;
  endDate: string;
  employerOrInstitution: string;
  subsidy: string;
  source: string;
}

export const EMPTY_OUTCOME: OutcomeFormValues = {
  category: '',
  startDate: '',
  endDate: '',
  employerOrInstitution: '',
  subsidy: '',
  source: 'young_person',
};

export function outcomeFormValues(body: Record<string, unknown>): OutcomeFormValues {
  return {
    category: text(body.category),
    startDate: text(body.startDate).trim(),
    endDate: text(body.endDate).trim(),
    employerOrInstitution: text(body.employerOrInstitution),
    subsidy: text(body.subsidy),
    source: text(body.source),
  };
}

/**
 * The input for the outcomes service; the service checks categories, sources and dates.
 * Only the lengths the database holds are checked here.
 */
export function outcomeInputOf(
  values: OutcomeFormValues,
): { ok: true; input: OutcomeInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (values.employerOrInstitution.length > 200)
    errors.push({ field: 'employerOrInstitution', code: 'maxLength', params: { max: 200 } });
  if (values.subsidy.length > 200)
    errors.push({ field: 'subsidy', code: 'maxLength', params: { max: 200 } });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      category: values.category as OutcomeInput['category'],
      startDate: values.startDate,
      endDate: values.endDate || null,
      employerOrInstitution: values.employerOrInstitution || null,
      subsidy: values.subsidy || null,
      source: values.source as OutcomeSource,
    },
  };
}

/** Categories in their report groups, for a select with option groups. */
export function categoryGroups(i18n: I18nService, selected: string) {
  return Object.entries(OUTCOME_GROUPS).map(([group, codes]) => ({
    label: i18n.translate(`outcomes.groups.${group}`),
    options: codes.map((code) => ({
      value: code,
      label: i18n.translate(`outcomes.categories.${code}`),
      selected: code === selected,
    })),
  }));
}

export function sourceOptions(i18n: I18nService) {
  return OUTCOME_SOURCES.map((s) => ({ value: s, label: i18n.translate(`outcomes.sources.${s}`) }));
}

export function categoryLabel(i18n: I18nService, category: string): string {
  return isOutcomeCategory(category) ? i18n.translate(`outcomes.categories.${category}`) : category;
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
