import { Concern } from './concern/concern.entity';
import { FollowUp } from './follow-up/follow-up.entity';
import { Outcome } from './outcome/outcome.entity';

export const OUTCOME_ENTITIES = [Outcome, FollowUp, Concern];
