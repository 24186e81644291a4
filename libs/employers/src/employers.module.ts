import { Module } from '@nestjs/common';
import { AuditModule } from '@ohjaamo/audit';
import { ClientsModule } from '@ohjaamo/clients';
import { EmployersService } from './employer/employers.service';
import { EventDayService } from './event-day/event-day.service';
import { EventReportService } from './event-day/event-report';
import { EventClientGate } from './event/event-client-gate';
import { EventReader } from './event/event-reader';
import { EventsService } from './event/events.service';
import { ScheduleService } from './event/schedule.service';

/** Employers, vacancies and speed-date recruitment events. */
@Module({
  imports: [AuditModule, ClientsModule],
  providers: [
    EmployersService,
    EventClientGate,
    EventReader,
    EventsService,
    ScheduleService,
    EventDayService,
    EventReportService,
  ],
  exports: [
    EmployersService,
    EventReader,
    EventsService,
    ScheduleService,
    EventDayService,
    EventReportService,
  ],
})
export class EmployersModule {}
