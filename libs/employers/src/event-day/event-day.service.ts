import { Inject, Injectable } from '@nestjs/common';
import { type Actor, DomainError, helsinkiDate, isCalendarDay } from '@ohjaamo/platform';
import { DataSource } from 'typeorm';
import { ATTENDANCE, type Attendance } from '../event/attendance';
import { EventEmployer } from '../event/event-employer.entity';
import { EventFollowUp } from '../event/event-follow-up.entity';
import { EventMeeting } from '../event/event-meeting.entity';
import { EventReader, refuseCancelled } from '../event/event-reader';
import { EventRegistration } from '../event/event-registration.entity';
import { eventError } from '../event/event-rules';
import { MEETING_OUTCOMES, type MeetingOutcome } from '../event/meeting-outcomes';

export interface OutcomeInput {
  outcome: MeetingOutcome | null;
  openApplicationLeft: boolean;
}

export interface FollowUpInput {
  months: number;
  hired: boolean;
  eventEmployerId?: string | null;
  hiredOn?: string | null;
}

export const FOLLOW_UP_MONTHS = [1, 3] as const;

/** The day itself and after it: check-in, what came of each meeting, follow-ups. */
@Injectable()
export class EventDayService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(EventReader) private readonly reader: EventReader,
  ) {}

  async checkIn(
    actor: Actor,
    eventId: string,
    registrationId: string,
    attendance: string,
  ): Promise<void> {
    const value = attendanceOf(attendance);
    await this.dataSource.transaction(async (manager) => {
      refuseCancelled(await this.reader.event(manager, actor, eventId));
      const result = await manager.update(
        EventRegistration,
        { id: registrationId, eventId },
        { attendance: value, checkedInAt: value === 'registered' ? null : new Date() },
      );
      if (!result.affected) throw DomainError.notFound('registration_not_found');
    });
  }

  async checkInEmployer(
    actor: Actor,
    eventId: string,
    eventEmployerId: string,
    attendance: string,
  ): Promise<void> {
    const value = attendanceOf(attendance);
    await this.dataSource.transaction(async (manager) => {
      refuseCancelled(await this.reader.event(manager, actor, eventId));
      const result = await manager.update(
        EventEmployer,
        { id: eventEmployerId, eventId },
        { attendance: value, checkedInAt: value === 'registered' ? null : new Date() },
      );
      if (!result.affected) throw DomainError.notFound('event_employer_not_found');
    });
  }

  /** What came of one meeting; recorded once the event has started. */
  async recordOutcome(
    actor: Actor,
    eventId: string,
    meetingId: string,
    input: OutcomeInput,
  ): Promise<void> {
    if (
      input.outcome !== null &&
      !(MEETING_OUTCOMES as readonly string[]).includes(input.outcome)
    ) {
      throw DomainError.validation([eventError('outcome', 'unknownOutcome')]);
    }
    await this.dataSource.transaction(async (manager) => {
      const event = refuseCancelled(await this.reader.event(manager, actor, eventId));
      if (event.startsAt.getTime() > Date.now()) {
        throw DomainError.validation([eventError('outcome', 'eventNotStarted')]);
      }
      const result = await manager.update(
        EventMeeting,
        { id: meetingId, eventId },
        {
          outcome: input.outcome,
          openApplicationLeft: input.openApplicationLeft,
          outcomeRecordedAt: new Date(),
        },
      );
      if (!result.affected) throw DomainError.notFound('meeting_not_found');
    });
  }

  /**
   * The 1- or 3-month follow-up of a participant: hired by a participating employer
   * (which, from when) or not. Recording again replaces the earlier answer.
   */
  async recordFollowUp(
    actor: Actor,
    eventId: string,
    registrationId: string,
    input: FollowUpInput,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const event = refuseCancelled(await this.reader.event(manager, actor, eventId));
      const registration = await manager.findOneBy(EventRegistration, {
        id: registrationId,
        eventId,
      });
      if (!registration) throw DomainError.notFound('registration_not_found');
      const errors = [];
      if (!(FOLLOW_UP_MONTHS as readonly number[]).includes(input.months)) {
        errors.push(eventError('months', 'followUpMonths'));
      }
      const eventDay = helsinkiDate(event.startsAt);
      if (helsinkiDate(new Date()) < eventDay) {
        errors.push(eventError('months', 'eventNotStarted'));
      }
      if (input.hired) {
        const member = input.eventEmployerId
          ? await manager.findOneBy(EventEmployer, { id: input.eventEmployerId, eventId })
          : null;
        if (!member) errors.push(eventError('eventEmployerId', 'hiredByRequired'));
        if (!isCalendarDay(input.hiredOn)) errors.push(eventError('hiredOn', 'invalidDate'));
        else if (input.hiredOn < eventDay) errors.push(eventError('hiredOn', 'hiredBeforeEvent'));
      }
      if (errors.length > 0) throw DomainError.validation(errors);
      await manager.upsert(
        EventFollowUp,
        {
          registrationId,
          months: input.months,
          hired: input.hired,
          eventEmployerId: input.hired ? input.eventEmployerId! : null,
          hiredOn: input.hired ? input.hiredOn! : null,
          recordedAt: new Date(),
          recordedByUserId: actor.userId,
        },
        { conflictPaths: ['registrationId', 'months'] },
      );
    });
  }
}

function attendanceOf(value: string): Attendance {
  if (!(ATTENDANCE as readonly string[]).includes(value)) {
    throw DomainError.validation([eventError('attendance', 'unknownAttendance')]);
  }
  return value as Attendance;
}
