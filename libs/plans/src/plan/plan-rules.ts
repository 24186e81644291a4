import { isCalendarDay, type FieldError } from '@ohjaamo/platform';
import { ACTION_STATUSES, PLAN_TYPES, type PlanInput } from './plan-content';

const key = (code: string): string => `plans.fieldErrors.${code}`;
const error = (field: string, code: string): FieldError => ({
  field,
  code,
  messageKey: key(code),
});

/** Domain rules of a plan save, checked again after the HTTP edge. */
export function planErrors(input: PlanInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!(PLAN_TYPES as readonly string[]).includes(input.type))
    errors.push(error('type', 'unknownType'));
  const startValid = isCalendarDay(input.startDate);
  if (!startValid) errors.push(error('startDate', 'invalidDate'));
  if (input.reviewDate !== null) {
    if (!isCalendarDay(input.reviewDate)) errors.push(error('reviewDate', 'invalidDate'));
    else if (startValid && input.reviewDate < input.startDate) {
      errors.push(error('reviewDate', 'reviewBeforeStart'));
    }
  }
  input.goals.forEach((goal, i) => {
    if (!goal.trim()) errors.push(error(`goals.${i}`, 'emptyText'));
  });
  input.actions.forEach((action, i) => {
    const at = `actions.${i}`;
    if (!action.what.trim()) errors.push(error(`${at}.what`, 'emptyText'));
    if (!(ACTION_STATUSES as readonly string[]).includes(action.status)) {
      errors.push(error(`${at}.status`, 'unknownStatus'));
    }
    if (action.dueDate !== null) {
      if (!isCalendarDay(action.dueDate)) errors.push(error(`${at}.dueDate`, 'invalidDate'));
      // An agreement cannot fall due before the plan it belongs to starts.
      else if (startValid && action.dueDate < input.startDate) {
        errors.push(error(`${at}.dueDate`, 'dueBeforeStart'));
      }
    }
    const r = action.responsible;
    if (r.kind === 'staff' && !r.staffUserId)
      errors.push(error(`${at}.responsible`, 'partyIdRequired'));
    if (r.kind === 'agency' && !r.organisationId) {
      errors.push(error(`${at}.responsible`, 'partyIdRequired'));
    }
  });
  return errors;
}

/** Trimmed text, empty optional text as null. */
export function cleanPlan(input: PlanInput): PlanInput {
  const text = (value: string | null): string | null => (value?.trim() ? value.trim() : null);
  return {
    type: input.type,
    startDate: input.startDate,
    reviewDate: input.reviewDate,
    goals: input.goals.map((g) => g.trim()),
    actions: input.actions.map((a) => ({
      what: a.what.trim(),
      responsible: partyOf(a.responsible),
      dueDate: a.dueDate,
      status: a.status,
    })),
    concern: text(input.concern),
    ifAgreementsNotKept: text(input.ifAgreementsNotKept),
    participants: input.participants.map((p) =>
      p.kind === 'staff'
        ? { kind: 'staff', staffUserId: p.staffUserId }
        : { kind: 'agency', organisationId: p.organisationId },
    ),
  };
}

// Only the id that belongs to the kind is kept.
function partyOf(party: PlanInput['actions'][number]['responsible']) {
  if (party.kind === 'staff') return { kind: 'staff' as const, staffUserId: party.staffUserId };
  if (party.kind === 'agency') {
    return { kind: 'agency' as const, organisationId: party.organisationId };
  }
  return { kind: 'young_person' as const };
}
