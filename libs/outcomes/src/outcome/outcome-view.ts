import type { FollowUp } from '../follow-up/follow-up.entity';
import {
  groupOf,
  type OutcomeCategory,
  type OutcomeGroup,
  type OutcomeSource,
} from './outcome-categories';
import type { Outcome } from './outcome.entity';

export interface FollowUpView {
  id: string;
  outcomeId: string;
  months: number;
  dueOn: string;
  stillHolds: boolean | null;
  newSituation: string | null;
  newOutcomeId: string | null;
  recordedAt: Date | null;
  recordedByUserId: string | null;
}

export interface OutcomeView {
  id: string;
  clientId: string;
  category: OutcomeCategory;
  group: OutcomeGroup;
  startDate: string;
  endDate: string | null;
  employerOrInstitution: string | null;
  subsidy: string | null;
  source: OutcomeSource;
  recordedByUserId: string;
  recordedByOrganisationId: string;
  recordedAt: Date;
  followUps: FollowUpView[];
}

export function toFollowUpView(f: FollowUp): FollowUpView {
  return {
    id: f.id,
    outcomeId: f.outcomeId,
    months: f.months,
    dueOn: f.dueOn,
    stillHolds: f.stillHolds,
    newSituation: f.newSituation,
    newOutcomeId: f.newOutcomeId,
    recordedAt: f.recordedAt,
    recordedByUserId: f.recordedByUserId,
  };
}

export function toOutcomeView(o: Outcome, followUps: readonly FollowUp[]): OutcomeView {
  return {
    id: o.id,
    clientId: o.clientId,
    category: o.category,
    group: groupOf(o.category),
    startDate: o.startDate,
    endDate: o.endDate,
    employerOrInstitution: o.employerOrInstitution,
    subsidy: o.subsidy,
    source: o.source,
    recordedByUserId: o.recordedByUserId,
    recordedByOrganisationId: o.recordedByOrganisationId,
    recordedAt: o.recordedAt,
    followUps: followUps
      .filter((f) => f.outcomeId === o.id)
      .sort((a, b) => a.months - b.months)
      .map(toFollowUpView),
  };
}
