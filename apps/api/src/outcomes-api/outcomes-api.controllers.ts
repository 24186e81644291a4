import { ClientConcernsApiController, ConcernsApiController } from './concerns.controller';
import {
  FollowUpsApiController,
  OutcomesApiController,
  TasksApiController,
} from './outcomes.controller';

/** The REST controllers of outcomes, follow-ups, tasks and concerns (registered in AppModule). */
export const OUTCOMES_API_CONTROLLERS = [
  OutcomesApiController,
  FollowUpsApiController,
  TasksApiController,
  ClientConcernsApiController,
  ConcernsApiController,
];
