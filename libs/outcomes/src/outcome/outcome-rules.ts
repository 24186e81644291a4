import { isCalendarDay, type FieldError } from '@ohjaamo/platform';
import {
  isOutcomeCategory,
  OUTCOME_SOURCES,
  type OutcomeCategory,
  type OutcomeSource,
} from './outcome-categories';

export interface OutcomeInput {
  category: OutcomeCategory;
  startDate: string;
  endDate?: string | null;
  employerOrInstitution?: string | null;
  subsidy?: string | null;
  source: OutcomeSource;
}

const error = (field: string, code: string): FieldError => ({
  field,
  code,
  messageKey: `outcomes.fieldErrors.${code}`,
});

/** Domain rules of a new outcome. `prefix` names the fields when nested in a follow-up. */
export function outcomeErrors(input: OutcomeInput, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  if (!isOutcomeCategory(input.category))
    errors.push(error(`${prefix}category`, 'unknownCategory'));
  if (!(OUTCOME_SOURCES as readonly string[]).includes(input.source)) {
    errors.push(error(`${prefix}source`, 'unknownSource'));
  }
  const startValid = isCalendarDay(input.startDate);
  if (!startValid) errors.push(error(`${prefix}startDate`, 'invalidDate'));
  if (input.endDate != null) {
    if (!isCalendarDay(input.endDate)) errors.push(error(`${prefix}endDate`, 'invalidDate'));
    else if (startValid && input.endDate < input.startDate) {
      errors.push(error(`${prefix}endDate`, 'endBeforeStart'));
    }
  }
  return errors;
}

export function cleanOutcome(input: OutcomeInput): Required<OutcomeInput> {
  const text = (value: string | null | undefined): string | null =>
    value?.trim() ? value.trim() : null;
  return {
    category: input.category,
    startDate: input.startDate,
    endDate: input.endDate ?? null,
    employerOrInstitution: text(input.employerOrInstitution),
    subsidy: text(input.subsidy),
    source: input.source,
  };
}
