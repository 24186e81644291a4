import { EmployersPageController } from './employers.page.controller';
import { EventDayPageController } from './event-day.page.controller';
import { EventEditPageController } from './event-edit.page.controller';
import { EventOverview } from './event-overview';
import { EventSchedulePageController } from './event-schedule.page.controller';
import { EventsPageController } from './events.page.controller';

/** The employer and recruitment-event pages (registered in AppModule). */
export const EVENT_PAGE_CONTROLLERS = [
  EmployersPageController,
  EventsPageController,
  EventSchedulePageController,
  EventDayPageController,
  EventEditPageController,
];
export const EVENT_PAGE_PROVIDERS = [EventOverview];
