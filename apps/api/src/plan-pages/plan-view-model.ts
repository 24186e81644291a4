import { ACTION_STATUSES, PLAN_TYPES, type PlanParty, type PlanSnapshot } from '@ohjaamo/plans';
import type { I18nService } from '@ohjaamo/platform';
import type { PartyNames } from './client-header';
import type { PlanFormValues } from './plan.form';

/** A plan (current or an old version) as the read-only summary partial shows it. */
export interface PlanSummary {
  type: string;
  startDate: string;
  reviewDate: string | null;
  goals: string[];
  actions: { what: string; responsible: string; dueDate: string | null; status: string }[];
  concern: string | null;
  ifAgreementsNotKept: string | null;
  participants: string[];
}

export function planSummary(plan: PlanSnapshot, names: PartyNames, i18n: I18nService): PlanSummary {
  return {
    type: i18n.translate(`plans.types.${plan.type}`),
    startDate: plan.startDate,
    reviewDate: plan.reviewDate,
    goals: plan.goals,
    actions: plan.actions.map((a) => ({
      what: a.what,
      responsible: partyName(a.responsible, names, i18n),
      dueDate: a.dueDate,
      status: i18n.translate(`plans.actionStatuses.${a.status}`),
    })),
    concern: plan.concern,
    ifAgreementsNotKept: plan.ifAgreementsNotKept,
    participants: plan.participants.map((p) => partyName(p, names, i18n)),
  };
}

export function partyName(party: PlanParty, names: PartyNames, i18n: I18nService): string {
  if (party.kind === 'young_person') return i18n.translate('plans.parties.young_person');
  const id = party.kind === 'staff' ? party.staffUserId : party.organisationId;
  return names.get(id) ?? i18n.translate('planPage.unknownParty');
}

interface Option {
  value: string;
  label: string;
}

/** The form's inputs with their choices, labels and row buttons. */
export function planFormModel(
  values: PlanFormValues,
  parties: { staff: { id: string; name: string }[]; agencies: { id: string; name: string }[] },
  i18n: I18nService,
) {
  const statusOptions: Option[] = ACTION_STATUSES.map((s) => ({
    value: s,
    label: i18n.translate(`plans.actionStatuses.${s}`),
  }));
  const staffOptions = parties.staff.map((s) => ({ value: `staff:${s.id}`, label: s.name }));
  const agencyOptions = parties.agencies.map((a) => ({ value: `agency:${a.id}`, label: a.name }));
  return {
    version: values.version,
    typeOptions: PLAN_TYPES.map((t) => ({ value: t, label: i18n.translate(`plans.types.${t}`) })),
    type: values.type,
    startDate: values.startDate,
    reviewDate: values.reviewDate,
    concern: values.concern,
    ifAgreementsNotKept: values.ifAgreementsNotKept,
    goals: values.goals.map((text, i) => ({
      name: `goals.${i}`,
      label: i18n.translate('planPage.goalLabel', { n: i + 1 }),
      value: text,
      removeOp: `remove:goals:${i}`,
      removeLabel: i18n.translate('planPage.removeGoal', { n: i + 1 }),
    })),
    actions: values.actions.map((a, i) => {
      const n = i + 1;
      const selected = (options: Option[]) =>
        options.map((o) => ({ ...o, selected: o.value === a.responsible }));
      // A party no longer on the lists (a deactivated user) stays chosen, never silently lost.
      const known =
        a.responsible === 'young_person' ||
        [...staffOptions, ...agencyOptions].some((o) => o.value === a.responsible);
      return {
        legend: i18n.translate('planPage.actionLegend', { n }),
        what: { name: `actions.${i}.what`, value: a.what },
        responsible: {
          name: `actions.${i}.responsible`,
          youngPersonSelected: a.responsible === 'young_person',
          staff: selected(staffOptions),
          agencies: selected(agencyOptions),
          other: known
            ? null
            : { value: a.responsible, label: i18n.translate('planPage.unknownParty') },
        },
        dueDate: { name: `actions.${i}.dueDate`, value: a.dueDate },
        status: { name: `actions.${i}.status`, value: a.status, options: statusOptions },
        removeOp: `remove:actions:${i}`,
        removeLabel: i18n.translate('planPage.removeAction', { n }),
      };
    }),
    staffOptions: parties.staff.map((s) => ({ value: s.id, label: s.name })),
    agencyOptions: parties.agencies.map((a) => ({ value: a.id, label: a.name })),
    participantStaff: values.participantStaff,
    participantAgencies: values.participantAgencies,
  };
}
