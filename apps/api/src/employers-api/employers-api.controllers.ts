import { EmployersApiController } from './employers.controller';
import { EventDayApiController } from './event-day.controller';
import { EventScheduleApiController } from './event-schedule.controller';
import { EventsApiController } from './events.controller';

/** The REST controllers of employers and recruitment events (registered in AppModule). */
export const EMPLOYERS_API_CONTROLLERS = [
  EmployersApiController,
  EventsApiController,
  EventScheduleApiController,
  EventDayApiController,
];
