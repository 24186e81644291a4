import type { PlanAction, PlanParticipant, PlanType } from './plan-content';

/** A participant with the name people see: "who works with me". */
export type ParticipantView = PlanParticipant & { name: string | null };

export interface PlanView {
  id: string;
  clientId: string;
  type: PlanType;
  startDate: string;
  reviewDate: string | null;
  goals: string[];
  actions: PlanAction[];
  concern: string | null;
  ifAgreementsNotKept: string | null;
  participants: ParticipantView[];
  /** Send back with the next save. */
  version: number;
  updatedAt: Date;
  updatedByUserId: string;
}

export interface PlanVersionView {
  version: number;
  savedAt: Date;
  savedByUserId: string;
  savedByOrganisationId: string;
  plan: import('./plan-content').PlanSnapshot;
}
