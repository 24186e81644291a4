import { Inject, Injectable } from '@nestjs/common';
import { type Actor, DomainError } from '@ohjaamo/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { EventClientGate } from './event-client-gate';
import { EventEmployer } from './event-employer.entity';
import { EventFollowUp } from './event-follow-up.entity';
import { EventInterest } from './event-interest.entity';
import { EventMeeting } from './event-meeting.entity';
import { EventPreference } from './event-preference.entity';
import { EventRegistration } from './event-registration.entity';
import {
  type EventDetail,
  type EventSummary,
  type RegistrationView,
  roundStarts,
} from './event-view';
import { RecruitmentEvent } from './recruitment-event.entity';

export const eventNotFound = (): DomainError => DomainError.notFound('event_not_found');

/** A cancelled event is kept for the record only: every change to it is refused. */
export function refuseCancelled(event: RecruitmentEvent): RecruitmentEvent {
  if (event.status === 'cancelled') throw DomainError.conflict('event_cancelled');
  return event;
}

/** Reads events as one actor may see them: events of the sites they work at. */
@Injectable()
export class EventReader {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(EventClientGate) private readonly gate: EventClientGate,
  ) {}

  /** Events at the actor's sites, upcoming first then the latest past ones. */
  async list(actor: Actor): Promise<EventSummary[]> {
    if (actor.siteIds.length === 0) return [];
    const rows = await this.dataSource.query<
      (Omit<EventSummary, 'registered' | 'employers'> & {
        registered: string;
        employers: string;
      })[]
    >(
      `SELECT e.id, e.title, e.theme, e.site_id AS "siteId", s.name AS "siteName",
              e.starts_at AS "startsAt", e.ends_at AS "endsAt", e.slot_minutes AS "slotMinutes",
              e.rounds, e.capacity, e.status, e.cancelled_at AS "cancelledAt",
              e.cancellation_reason AS "cancellationReason",
              (SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id) AS registered,
              (SELECT count(*) FROM event_employers ee WHERE ee.event_id = e.id) AS employers
         FROM recruitment_events e JOIN sites s ON s.id = e.site_id
        WHERE e.site_id = ANY($1::uuid[])
        ORDER BY (e.ends_at < now()), CASE WHEN e.ends_at >= now() THEN e.starts_at END ASC,
                 e.starts_at DESC
        LIMIT 500`,
      [actor.siteIds],
    );
    return rows.map((r) => ({
      ...r,
      registered: Number(r.registered),
      employers: Number(r.employers),
    }));
  }

  /** The event row, locked for the rest of the transaction when asked. */
  async event(
    manager: EntityManager,
    actor: Actor,
    eventId: string,
    lock = false,
  ): Promise<RecruitmentEvent> {
    const event = await manager.findOne(RecruitmentEvent, {
      where: { id: eventId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!event || !actor.siteIds.includes(event.siteId)) throw eventNotFound();
    return event;
  }

  /** Everything about one event; linked clients' names per the access policy, audited. */
  async detail(actor: Actor, eventId: string): Promise<EventDetail> {
    return this.dataSource.transaction((manager) => this.detailIn(manager, actor, eventId));
  }

  async detailIn(manager: EntityManager, actor: Actor, eventId: string): Promise<EventDetail> {
    const event = await this.event(manager, actor, eventId);
    const [site] = await manager.query<{ name: string }[]>(`SELECT name FROM sites WHERE id = $1`, [
      event.siteId,
    ]);
    const employers = await manager.query<
      {
        id: string;
        employerId: string;
        name: string;
        tables: number;
        attendance: EventEmployer['attendance'];
      }[]
    >(
      `SELECT ee.id, ee.employer_id AS "employerId", em.name, ee.tables, ee.attendance
         FROM event_employers ee JOIN employers em ON em.id = ee.employer_id
        WHERE ee.event_id = $1 ORDER BY em.name, ee.id`,
      [eventId],
    );
    const eventEmployerIds = employers.map((e) => e.id);
    const registrations = await manager.find(EventRegistration, {
      where: { eventId },
      order: { number: 'ASC' },
    });
    const registrationIds = registrations.map((r) => r.id);
    // One after another: the queries share the transaction's connection.
    const preferences = registrationIds.length
      ? await manager
          .createQueryBuilder(EventPreference, 'p')
          .where('p.registration_id = ANY(:ids)', { ids: registrationIds })
          .orderBy('p.rank', 'ASC')
          .getMany()
      : [];
    const interests = eventEmployerIds.length
      ? await manager
          .createQueryBuilder(EventInterest, 'i')
          .where('i.event_employer_id = ANY(:ids)', { ids: eventEmployerIds })
          .getMany()
      : [];
    const meetings = await manager.find(EventMeeting, {
      where: { eventId },
      order: { round: 'ASC', table: 'ASC' },
    });
    const followUps = registrationIds.length
      ? await manager
          .createQueryBuilder(EventFollowUp, 'f')
          .where('f.registration_id = ANY(:ids)', { ids: registrationIds })
          .orderBy('f.months', 'ASC')
          .getMany()
      : [];
    const clientIds = registrations.flatMap((r) => (r.clientId ? [r.clientId] : []));
    const names = await this.gate.visibleNames(
      manager,
      actor,
      clientIds,
      'event.participants_read',
      eventId,
    );
    const regViews: RegistrationView[] = registrations.map((r) => {
      const linked = r.clientId ? names.get(r.clientId) : undefined;
      return {
        id: r.id,
        number: r.number,
        kind: r.clientId ? 'client' : 'guest',
        clientId: r.clientId,
        name: r.clientId ? (linked ? `${linked.firstName} ${linked.lastName}` : null) : r.guestName,
        guest: r.clientId
          ? null
          : {
              phone: r.guestPhone,
              email: r.guestEmail,
              language: r.guestLanguage ?? 'fi',
              consentToContact: r.guestConsentToContact,
            },
        attendance: r.attendance,
        preferences: preferences
          .filter((p) => p.registrationId === r.id)
          .map((p) => p.eventEmployerId),
      };
    });
    return {
      id: event.id,
      title: event.title,
      theme: event.theme,
      siteId: event.siteId,
      siteName: site?.name ?? '',
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      slotMinutes: event.slotMinutes,
      rounds: event.rounds,
      capacity: event.capacity,
      registered: registrations.length,
      employers: employers.length,
      status: event.status,
      cancelledAt: event.cancelledAt,
      cancellationReason: event.cancellationReason,
      version: event.version,
      scheduledAt: event.scheduledAt,
      score: event.scheduleScore,
      roundStarts: roundStarts(event.startsAt, event.rounds, event.slotMinutes),
      eventEmployers: employers.map((e) => ({
        ...e,
        tables: Number(e.tables),
        interest: interests.filter((i) => i.eventEmployerId === e.id).map((i) => i.registrationId),
      })),
      registrations: regViews,
      meetings: meetings.map((m) => ({
        id: m.id,
        round: m.round,
        eventEmployerId: m.eventEmployerId,
        registrationId: m.registrationId,
        table: m.table,
        fixed: m.fixed,
        outcome: m.outcome,
        openApplicationLeft: m.openApplicationLeft,
      })),
      followUps: followUps.map((f) => ({
        registrationId: f.registrationId,
        months: f.months,
        hired: f.hired,
        eventEmployerId: f.eventEmployerId,
        hiredOn: f.hiredOn,
        recordedAt: f.recordedAt,
      })),
    };
  }
}
