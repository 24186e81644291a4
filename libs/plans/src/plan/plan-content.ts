export const PLAN_TYPES = [
  'shared_service_plan',
  'activation_plan',
  'employment_plan',
  'welfare_plan',
] as const;
export type PlanType = (typeof PLAN_TYPES)[number];

export const ACTION_STATUSES = ['open', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Who carries out an action or works with the young person. */
export type PlanParty =
  | { kind: 'staff'; staffUserId: string }
  | { kind: 'agency'; organisationId: string }
  | { kind: 'young_person' };

export interface PlanAction {
  what: string;
  responsible: PlanParty;
  dueDate: string | null;
  status: ActionStatus;
}

/** A participant ("who works with me"): a staff member or an agency. */
export type PlanParticipant =
  { kind: 'staff'; staffUserId: string } | { kind: 'agency'; organisationId: string };

export interface PlanContent {
  /** In the young person's own words. */
  goals: string[];
  actions: PlanAction[];
  concern: string | null;
  ifAgreementsNotKept: string | null;
  participants: PlanParticipant[];
}

/** What a save sends and what a version stores. */
export interface PlanInput extends PlanContent {
  type: PlanType;
  startDate: string;
  reviewDate: string | null;
}

export type PlanSnapshot = PlanInput;
