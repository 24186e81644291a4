import { Inject, Injectable } from '@nestjs/common';
import { type Actor, DomainError, type FieldError } from '@ohjaamo/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { Employer } from '../employer/employer.entity';
import { uniqueViolation } from '../unique-violation';
import { EventClientGate } from './event-client-gate';
import { EventMeeting } from './event-meeting.entity';
import { EventEmployer } from './event-employer.entity';
import { EventInterest } from './event-interest.entity';
import { EventPreference } from './event-preference.entity';
import { EventReader, refuseCancelled } from './event-reader';
import { EventRegistration } from './event-registration.entity';
import {
  cleanEvent,
  eventError,
  type EventInput,
  guestErrors,
  type GuestInput,
} from './event-rules';
import { RecruitmentEvent } from './recruitment-event.entity';

export interface EventChange extends EventInput {
  /** The event version the user saw. */
  version: number;
  /** Delete the stored timetable when the change would break it (the user confirmed). */
  clearTimetable?: boolean;
}

export interface RegistrationInput {
  clientId?: string | null;
  guest?: GuestInput | null;
}

const MAX_TABLES = 20;
const alreadyRegistered = (): DomainError =>
  DomainError.validation([eventError('clientId', 'alreadyRegistered')]);

/** Creating events and the lists that feed the timetable: employers, people, wishes. */
@Injectable()
export class EventsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(EventReader) private readonly reader: EventReader,
    @Inject(EventClientGate) private readonly gate: EventClientGate,
  ) {}

  async create(actor: Actor, input: EventInput): Promise<RecruitmentEvent> {
    const { value, errors } = cleanEvent(input, actor.siteIds, new Date());
    if (!value) throw DomainError.validation(errors);
    return this.dataSource.manager.save(
      this.dataSource.manager.create(RecruitmentEvent, { ...value, createdByUserId: actor.userId }),
    );
  }

  /**
   * Changes the event with the rules of a new one. A change that leaves registrations
   * without a place is refused; so is one that breaks the stored timetable (another slot
   * length, or meetings beyond the new last round) unless the user confirmed clearing the
   * timetable, which is never done once outcomes are recorded.
   */
  async update(actor: Actor, eventId: string, change: EventChange): Promise<RecruitmentEvent> {
    const { value, errors } = cleanEvent(change, actor.siteIds, new Date());
    if (!value) throw DomainError.validation(errors);
    return this.dataSource.transaction(async (manager) => {
      const event = await this.reader.event(manager, actor, eventId, true);
      refuseCancelled(event);
      if (event.version !== change.version) {
        throw DomainError.conflict('schedule_version_conflict');
      }
      const [{ registered }] = await manager.query<{ registered: number }[]>(
        `SELECT count(*)::int AS registered FROM event_registrations WHERE event_id = $1`,
        [eventId],
      );
      const refused: FieldError[] = [];
      if (value.capacity < registered) {
        refused.push(eventError('capacity', 'capacityBelowRegistered', { registered }));
      }
      const meetings = await manager.find(EventMeeting, { where: { eventId } });
      // A new start moves every round with it, so the timetable holds; a new slot length
      // changes what each round is, and fewer rounds drop the meetings beyond them.
      const slotChanged = value.slotMinutes !== event.slotMinutes;
      const clearing =
        meetings.length > 0 && (slotChanged || meetings.some((m) => m.round > value.rounds));
      if (clearing && meetings.some((m) => m.outcome !== null || m.openApplicationLeft)) {
        throw DomainError.conflict('schedule_has_outcomes');
      }
      if (clearing && !change.clearTimetable) {
        refused.push(
          eventError(slotChanged ? 'slotMinutes' : 'durationMinutes', 'timetableWouldBreak', {
            meetings: meetings.length,
          }),
        );
      }
      if (refused.length > 0) throw DomainError.validation(refused);
      if (clearing) {
        await manager.delete(EventMeeting, { eventId });
        event.scheduleScore = null;
        event.scheduledAt = null;
      }
      Object.assign(event, value);
      // Saving bumps the version, so a timetable change based on the old one is refused.
      return manager.save(event);
    });
  }

  /** Cancels the event: kept for the record, with the reason; no reminders go out. */
  async cancel(actor: Actor, eventId: string, reason: string): Promise<RecruitmentEvent> {
    const text = reason?.trim() ?? '';
    if (!text) throw DomainError.validation([eventError('reason', 'reasonRequired')]);
    if (text.length > 500) {
      throw DomainError.validation([eventError('reason', 'reasonTooLong', { max: 500 })]);
    }
    return this.dataSource.transaction(async (manager) => {
      const event = await this.reader.event(manager, actor, eventId, true);
      refuseCancelled(event);
      event.status = 'cancelled';
      event.cancelledAt = new Date();
      event.cancellationReason = text;
      return manager.save(event);
    });
  }

  async addEmployer(
    actor: Actor,
    eventId: string,
    input: { employerId: string; tables: number },
  ): Promise<EventEmployer> {
    if (!Number.isInteger(input.tables) || input.tables < 1 || input.tables > MAX_TABLES) {
      throw DomainError.validation([eventError('tables', 'tablesInvalid', { max: MAX_TABLES })]);
    }
    return this.dataSource.transaction(async (manager) => {
      refuseCancelled(await this.reader.event(manager, actor, eventId, true));
      const employer = await manager.findOneBy(Employer, { id: input.employerId });
      if (!employer) throw DomainError.validation([eventError('employerId', 'unknownEmployer')]);
      const existing = await manager.findOneBy(EventEmployer, {
        eventId,
        employerId: input.employerId,
      });
      if (existing) {
        throw DomainError.validation([eventError('employerId', 'employerAlreadyIn')]);
      }
      return manager.save(
        manager.create(EventEmployer, {
          eventId,
          employerId: input.employerId,
          tables: input.tables,
        }),
      );
    });
  }

  /** Refused once outcomes or follow-ups name the employer: they would be lost with it. */
  async removeEmployer(actor: Actor, eventId: string, eventEmployerId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.reader.event(manager, actor, eventId, true);
      const [used] = await manager.query<{ used: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM event_meetings WHERE event_employer_id = $1
                          AND (outcome IS NOT NULL OR open_application_left))
             OR EXISTS (SELECT 1 FROM event_follow_ups WHERE event_employer_id = $1) AS used`,
        [eventEmployerId],
      );
      if (used.used) throw DomainError.conflict('event_employer_has_outcomes');
      const result = await manager.delete(EventEmployer, { id: eventEmployerId, eventId });
      if (!result.affected) throw DomainError.notFound('event_employer_not_found');
    });
  }

  /**
   * Registers a young person: a client the user may see (audited), or a guest. Refused
   * when the event is full or the client is registered already. The event row is locked,
   * so two registrations at once cannot both take the last place.
   */
  async register(
    actor: Actor,
    eventId: string,
    input: RegistrationInput,
  ): Promise<EventRegistration> {
    const hasClient = Boolean(input.clientId);
    if (hasClient === Boolean(input.guest)) {
      throw DomainError.validation([eventError('clientId', 'clientOrGuest')]);
    }
    if (input.guest) {
      const errors = guestErrors(input.guest);
      if (errors.length > 0) throw DomainError.validation(errors);
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        const event = await this.reader.event(manager, actor, eventId, true);
        refuseCancelled(event);
        const access = input.clientId ? await this.gate.open(actor, input.clientId) : null;
        if (access) {
          const taken = await manager.findOneBy(EventRegistration, {
            eventId,
            clientId: access.clientId,
          });
          if (taken) throw alreadyRegistered();
        }
        const [{ count, last }] = await manager.query<{ count: number; last: number }[]>(
          `SELECT count(*)::int AS count, coalesce(max(number), 0)::int AS last
             FROM event_registrations WHERE event_id = $1`,
          [eventId],
        );
        if (count >= event.capacity) {
          throw new DomainError('conflict', 'event_full', [], { capacity: event.capacity });
        }
        const guest = input.guest;
        const registration = await manager.save(
          manager.create(EventRegistration, {
            eventId,
            number: last + 1,
            clientId: access?.clientId ?? null,
            guestName: guest ? guest.name.trim() : null,
            guestPhone: guest?.phone?.trim() || null,
            guestEmail: guest?.email?.trim() || null,
            guestLanguage: guest ? (guest.language ?? 'fi') : null,
            guestConsentToContact: guest?.consentToContact === true,
          }),
        );
        if (access) {
          await this.gate.record(actor, access, 'event.registered', { eventId }, manager);
        }
        return registration;
      });
    } catch (error) {
      if (uniqueViolation(error) === 'UQ_event_registrations_event_client') {
        throw alreadyRegistered();
      }
      throw error;
    }
  }

  /** Refused once outcomes or follow-ups are recorded for the young person. */
  async removeRegistration(actor: Actor, eventId: string, registrationId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.reader.event(manager, actor, eventId, true);
      const [used] = await manager.query<{ used: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM event_meetings WHERE registration_id = $1
                          AND (outcome IS NOT NULL OR open_application_left))
             OR EXISTS (SELECT 1 FROM event_follow_ups WHERE registration_id = $1) AS used`,
        [registrationId],
      );
      if (used.used) throw DomainError.conflict('registration_has_outcomes');
      const result = await manager.delete(EventRegistration, { id: registrationId, eventId });
      if (!result.affected) throw DomainError.notFound('registration_not_found');
    });
  }

  /** Replaces a young person's ranking of the event's employers (best first). */
  async setPreferences(
    actor: Actor,
    eventId: string,
    registrationId: string,
    eventEmployerIds: readonly string[],
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      refuseCancelled(await this.reader.event(manager, actor, eventId, true));
      await this.requireRegistration(manager, eventId, registrationId);
      await this.requireMembers(
        manager,
        'event_employers',
        eventId,
        eventEmployerIds,
        'eventEmployerIds',
      );
      await manager.delete(EventPreference, { registrationId });
      if (eventEmployerIds.length === 0) return;
      await manager.insert(
        EventPreference,
        eventEmployerIds.map((eventEmployerId, i) => ({
          registrationId,
          eventEmployerId,
          rank: i + 1,
        })),
      );
    });
  }

  /** Replaces the young people an employer wants to meet. */
  async setInterest(
    actor: Actor,
    eventId: string,
    eventEmployerId: string,
    registrationIds: readonly string[],
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      refuseCancelled(await this.reader.event(manager, actor, eventId, true));
      const member = await manager.findOneBy(EventEmployer, { id: eventEmployerId, eventId });
      if (!member) throw DomainError.notFound('event_employer_not_found');
      await this.requireMembers(
        manager,
        'event_registrations',
        eventId,
        registrationIds,
        'registrationIds',
      );
      await manager.delete(EventInterest, { eventEmployerId });
      if (registrationIds.length === 0) return;
      await manager.insert(
        EventInterest,
        registrationIds.map((registrationId) => ({ eventEmployerId, registrationId })),
      );
    });
  }

  private async requireRegistration(
    manager: EntityManager,
    eventId: string,
    registrationId: string,
  ): Promise<EventRegistration> {
    const registration = await manager.findOneBy(EventRegistration, {
      id: registrationId,
      eventId,
    });
    if (!registration) throw DomainError.notFound('registration_not_found');
    return registration;
  }

  // Every id must be of this event, and given once.
  private async requireMembers(
    manager: EntityManager,
    table: 'event_employers' | 'event_registrations',
    eventId: string,
    ids: readonly string[],
    field: string,
  ): Promise<void> {
    if (new Set(ids).size !== ids.length) {
      throw DomainError.validation([eventError(field, 'repeated')]);
    }
    if (ids.length === 0) return;
    const [{ n }] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${table} WHERE event_id = $1 AND id = ANY($2::uuid[])`,
      [eventId, ids],
    );
    if (n !== ids.length) throw DomainError.validation([eventError(field, 'notInEvent')]);
  }
}
