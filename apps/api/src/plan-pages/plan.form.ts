import {
  ACTION_STATUSES,
  PLAN_TYPES,
  type ActionStatus,
  type PlanInput,
  type PlanParty,
  type PlanSnapshot,
  type PlanType,
} from '@ohjaamo/plans';
import type { FieldError } from '@ohjaamo/platform';

/**
 * The plan form as typed: every value a string, so a re-render after an error, a conflict
 * or adding a row gives back exactly what the user wrote. Inputs are named after the
 * domain's field paths (`goals.0`, `actions.1.dueDate`), so a field error lands on its input.
 */
export interface PlanFormValues {
  version: string;
  type: string;
  startDate: string;
  reviewDate: string;
  goals: string[];
  actions: { what: string; responsible: string; dueDate: string; status: string }[];
  concern: string;
  ifAgreementsNotKept: string;
  participantStaff: string[];
  participantAgencies: string[];
}

/** What the submit button asked for: save, or add or remove a row and show the form again. */
export type PlanFormOp =
  | { kind: 'save' }
  | { kind: 'add'; list: 'goals' | 'actions' }
  | { kind: 'remove'; list: 'goals' | 'actions'; index: number };

const MAX_ROWS = 50;
const OP = /^(add|remove):(goals|actions)(?::(\d{1,2}))?$/;

export function planFormOp(body: Record<string, unknown>): PlanFormOp {
  const match = OP.exec(text(body.op));
  if (!match) return { kind: 'save' };
  const list = match[2] as 'goals' | 'actions';
  if (match[1] === 'add') return { kind: 'add', list };
  return { kind: 'remove', list, index: Number(match[3] ?? -1) };
}

export function planFormValues(body: Record<string, unknown>): PlanFormValues {
  const goals = rows(body, /^goals\.(\d{1,2})$/).map((i) => text(body[`goals.${i}`]));
  const actions = rows(body, /^actions\.(\d{1,2})\.what$/).map((i) => ({
    what: text(body[`actions.${i}.what`]),
    responsible: text(body[`actions.${i}.responsible`]),
    dueDate: text(body[`actions.${i}.dueDate`]),
    status: text(body[`actions.${i}.status`]),
  }));
  return {
    version: text(body.version),
    type: text(body.type),
    startDate: text(body.startDate),
    reviewDate: text(body.reviewDate),
    goals,
    actions,
    concern: text(body.concern),
    ifAgreementsNotKept: text(body.ifAgreementsNotKept),
    participantStaff: list(body.participantStaff),
    participantAgencies: list(body.participantAgencies),
  };
}

/** Adds an empty row or removes one, keeping everything else as typed. */
export function applyRowOp(values: PlanFormValues, op: PlanFormOp): PlanFormValues {
  if (op.kind === 'save') return values;
  if (op.list === 'goals') {
    const goals =
      op.kind === 'add'
        ? values.goals.length < MAX_ROWS
          ? [...values.goals, '']
          : values.goals
        : values.goals.filter((_, i) => i !== op.index);
    return { ...values, goals };
  }
  const actions =
    op.kind === 'add'
      ? values.actions.length < MAX_ROWS
        ? [...values.actions, emptyAction()]
        : values.actions
      : values.actions.filter((_, i) => i !== op.index);
  return { ...values, actions };
}

export function emptyAction(): PlanFormValues['actions'][number] {
  return { what: '', responsible: 'young_person', dueDate: '', status: 'open' };
}

/** The form of a new plan: one empty goal and one empty action to start from. */
export function newPlanValues(today: string): PlanFormValues {
  return {
    version: '0',
    type: 'shared_service_plan',
    startDate: today,
    reviewDate: '',
    goals: [''],
    actions: [emptyAction()],
    concern: '',
    ifAgreementsNotKept: '',
    participantStaff: [],
    participantAgencies: [],
  };
}

export function valuesOfPlan(plan: PlanSnapshot, version: number): PlanFormValues {
  return {
    version: String(version),
    type: plan.type,
    startDate: plan.startDate,
    reviewDate: plan.reviewDate ?? '',
    goals: [...plan.goals],
    actions: plan.actions.map((a) => ({
      what: a.what,
      responsible: partyValue(a.responsible),
      dueDate: a.dueDate ?? '',
      status: a.status,
    })),
    concern: plan.concern ?? '',
    ifAgreementsNotKept: plan.ifAgreementsNotKept ?? '',
    participantStaff: plan.participants.flatMap((p) => (p.kind === 'staff' ? [p.staffUserId] : [])),
    participantAgencies: plan.participants.flatMap((p) =>
      p.kind === 'agency' ? [p.organisationId] : [],
    ),
  };
}

/**
 * The plan input, or the form's own errors (things the domain cannot say: a version
 * that is not a number, a responsible party that is not one of the choices). Empty rows
 * are left out, so an unused "add" does not block a save.
 */
export function planInputOf(
  values: PlanFormValues,
):
  | { ok: true; input: PlanInput; version: number; rowOf: RowMap }
  | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const version = Number(values.version);
  if (!/^\d{1,9}$/.test(values.version)) errors.push(formError('version', 'isInt'));
  if (!(PLAN_TYPES as readonly string[]).includes(values.type))
    errors.push({
      field: 'type',
      code: 'unknownType',
      messageKey: 'plans.fieldErrors.unknownType',
    });
  const tooLong = (field: string, value: string, max: number): void => {
    if (value.length > max) errors.push({ field, code: 'maxLength', params: { max } });
  };
  values.goals.forEach((goal, i) => tooLong(`goals.${i}`, goal, 2000));
  values.actions.forEach((a, i) => tooLong(`actions.${i}.what`, a.what, 1000));
  tooLong('concern', values.concern, 4000);
  tooLong('ifAgreementsNotKept', values.ifAgreementsNotKept, 4000);
  const goalRows: number[] = [];
  const goals: string[] = [];
  values.goals.forEach((goal, i) => {
    if (!goal.trim()) return;
    goalRows.push(i);
    goals.push(goal);
  });
  const actionRows: number[] = [];
  const actions: PlanInput['actions'] = [];
  values.actions.forEach((action, i) => {
    if (!action.what.trim() && !action.dueDate) return;
    const responsible = partyOf(action.responsible);
    if (!responsible) errors.push(formError(`actions.${i}.responsible`, 'isIn'));
    actionRows.push(i);
    actions.push({
      what: action.what,
      responsible: responsible ?? { kind: 'young_person' },
      dueDate: action.dueDate || null,
      status: (ACTION_STATUSES as readonly string[]).includes(action.status)
        ? (action.status as ActionStatus)
        : ('invalid' as ActionStatus),
    });
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    version,
    rowOf: { goals: goalRows, actions: actionRows },
    input: {
      type: values.type as PlanType,
      startDate: values.startDate,
      reviewDate: values.reviewDate || null,
      goals,
      actions,
      concern: values.concern || null,
      ifAgreementsNotKept: values.ifAgreementsNotKept || null,
      participants: [
        ...values.participantStaff.map((id) => ({ kind: 'staff' as const, staffUserId: id })),
        ...values.participantAgencies.map((id) => ({
          kind: 'agency' as const,
          organisationId: id,
        })),
      ],
    },
  };
}

/** Which form row each saved goal and action came from (empty rows were left out). */
export interface RowMap {
  goals: number[];
  actions: number[];
}

/**
 * Domain errors name the saved list's positions; the form's rows may differ where empty
 * rows were skipped. Participants' errors move to their checkbox groups.
 */
export function errorsOnForm(
  errors: FieldError[],
  rowOf: RowMap,
  values: PlanFormValues,
): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const error of errors) {
    let field = error.field;
    const match = /^(goals|actions|participants)\.(\d+)(.*)$/.exec(field);
    if (match) {
      const [, listName, index, rest] = match;
      if (listName === 'participants') {
        field =
          Number(index) < values.participantStaff.length
            ? 'participantStaff'
            : 'participantAgencies';
      } else {
        const row = rowOf[listName as 'goals' | 'actions'][Number(index)];
        field = `${listName}.${row ?? index}${rest}`;
      }
    }
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ ...error, field });
  }
  return out;
}

export function partyValue(party: PlanParty): string {
  if (party.kind === 'staff') return `staff:${party.staffUserId}`;
  if (party.kind === 'agency') return `agency:${party.organisationId}`;
  return 'young_person';
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PARTY = new RegExp(`^(staff|agency):(${UUID})$`, 'i');

function partyOf(value: string): PlanParty | null {
  if (value === 'young_person') return { kind: 'young_person' };
  const match = PARTY.exec(value);
  if (!match) return null;
  return match[1] === 'staff'
    ? { kind: 'staff', staffUserId: match[2].toLowerCase() }
    : { kind: 'agency', organisationId: match[2].toLowerCase() };
}

function formError(field: string, code: string): FieldError {
  return { field, code };
}

// Row indexes present in the form, in order (a removed row leaves a gap, which is fine).
function rows(body: Record<string, unknown>, pattern: RegExp): number[] {
  return Object.keys(body)
    .map((key) => pattern.exec(key))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b)
    .slice(0, MAX_ROWS);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' && value !== '' ? [value] : [];
}
