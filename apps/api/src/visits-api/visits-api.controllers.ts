import { ClientVisitsApiController } from './client-visits.controller';
import { DeskEventsApiController } from './desk-events.controller';
import { DeskApiController } from './desk.controller';
import { VisitTopicsApiController } from './visit-topics.controller';
import { VisitsApiController } from './visits.controller';

/** The REST controllers of visits and the desk queue under /api/v1 (registered in AppModule). */
export const VISITS_API_CONTROLLERS = [
  VisitsApiController,
  ClientVisitsApiController,
  VisitTopicsApiController,
  DeskApiController,
  DeskEventsApiController,
];
