import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@ohjaamo/platform';
import { DataSource } from 'typeorm';
import { EventReader } from '../event/event-reader';
import { MEETING_OUTCOMES, type MeetingOutcome } from '../event/meeting-outcomes';

/** Aggregate figures of one event: no names, fit for coordinators. */
export interface EventReport {
  eventId: string;
  title: string;
  startsAt: Date;
  registered: number;
  /** Arrived or late. */
  participants: number;
  noShows: number;
  employers: number;
  employersPresent: number;
  meetingsScheduled: number;
  /** Meetings where both sides were present. */
  meetingsHeld: number;
  outcomes: Record<MeetingOutcome, number>;
  openApplications: number;
  followUpsRecorded: { months1: number; months3: number };
  /** Participants hired by a participating employer within 3 months of the event. */
  hiredWithin3Months: number;
  /** hiredWithin3Months / participants; null with no participants. */
  hiredShare: number | null;
  /** DOMAIN §7: the benchmark of a good employer date is over a quarter hired. */
  overQuarterHired: boolean;
}

@Injectable()
export class EventReportService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(EventReader) private readonly reader: EventReader,
  ) {}

  async report(actor: Actor, eventId: string): Promise<EventReport> {
    const event = await this.reader.event(this.dataSource.manager, actor, eventId);
    const [row] = await this.dataSource.query<Record<string, number>[]>(
      `WITH present_r AS (
         SELECT id FROM event_registrations
          WHERE event_id = $1 AND attendance IN ('arrived', 'late')),
       present_e AS (
         SELECT id FROM event_employers
          WHERE event_id = $1 AND attendance IN ('arrived', 'late')),
       held AS (
         SELECT m.* FROM event_meetings m
          WHERE m.event_id = $1
            AND m.registration_id IN (SELECT id FROM present_r)
            AND m.event_employer_id IN (SELECT id FROM present_e)),
       hired AS (
         SELECT registration_id FROM held WHERE outcome = 'hired'
         UNION
         SELECT f.registration_id FROM event_follow_ups f
          WHERE f.hired AND f.registration_id IN (SELECT id FROM present_r)
            AND f.hired_on <= ((($2::timestamptz AT TIME ZONE 'Europe/Helsinki')::date)
                               + interval '3 months')::date)
       SELECT
         (SELECT count(*) FROM event_registrations WHERE event_id = $1)::int AS registered,
         (SELECT count(*) FROM present_r)::int AS participants,
         (SELECT count(*) FROM event_registrations
           WHERE event_id = $1 AND attendance = 'no_show')::int AS "noShows",
         (SELECT count(*) FROM event_employers WHERE event_id = $1)::int AS employers,
         (SELECT count(*) FROM present_e)::int AS "employersPresent",
         (SELECT count(*) FROM event_meetings WHERE event_id = $1)::int AS "meetingsScheduled",
         (SELECT count(*) FROM held)::int AS "meetingsHeld",
         (SELECT count(*) FROM event_meetings
           WHERE event_id = $1 AND open_application_left)::int AS "openApplications",
         (SELECT count(*) FROM event_follow_ups f JOIN event_registrations r
             ON r.id = f.registration_id WHERE r.event_id = $1 AND f.months = 1)::int AS months1,
         (SELECT count(*) FROM event_follow_ups f JOIN event_registrations r
             ON r.id = f.registration_id WHERE r.event_id = $1 AND f.months = 3)::int AS months3,
         (SELECT count(*) FROM hired)::int AS hired`,
      [eventId, event.startsAt],
    );
    const outcomeRows = await this.dataSource.query<{ outcome: MeetingOutcome; n: number }[]>(
      `SELECT outcome, count(*)::int AS n FROM event_meetings
        WHERE event_id = $1 AND outcome IS NOT NULL GROUP BY outcome`,
      [eventId],
    );
    const outcomes = Object.fromEntries(MEETING_OUTCOMES.map((o) => [o, 0])) as Record<
      MeetingOutcome,
      number
    >;
    for (const r of outcomeRows) outcomes[r.outcome] = r.n;
    const share = row.participants > 0 ? row.hired / row.participants : null;
    return {
      eventId,
      title: event.title,
      startsAt: event.startsAt,
      registered: row.registered,
      participants: row.participants,
      noShows: row.noShows,
      employers: row.employers,
      employersPresent: row.employersPresent,
      meetingsScheduled: row.meetingsScheduled,
      meetingsHeld: row.meetingsHeld,
      outcomes,
      openApplications: row.openApplications,
      followUpsRecorded: { months1: row.months1, months3: row.months3 },
      hiredWithin3Months: row.hired,
      hiredShare: share,
      overQuarterHired: share !== null && share > 0.25,
    };
  }
}
