import type { EntityManager } from 'typeorm';
import type { Meeting, SchedulingInput } from '../scheduling';
import type { RecruitmentEvent } from './recruitment-event.entity';

/**
 * The scheduler's view of an event: event-employer ids as employers, registration ids as
 * participants. For generation no-shows (either side) are left out, so a timetable
 * regenerated on the day fills the tables with those present; manual changes are checked
 * against everyone (`includeAbsent`), as the stored timetable may still name them.
 * A late arrival (either side) is unavailable for the rounds that began before they
 * checked in, so a timetable regenerated on the day gives them only rounds still to come.
 */
export async function schedulingInputOf(
  manager: EntityManager,
  event: RecruitmentEvent,
  fixed: Meeting[] = [],
  includeAbsent = false,
): Promise<SchedulingInput> {
  const absent = includeAbsent ? '' : ` AND attendance <> 'no_show'`;
  const employers = await manager.query<
    { id: string; tables: number; attendance: string; checkedInAt: Date | null }[]
  >(
    `SELECT id, tables, attendance, checked_in_at AS "checkedInAt" FROM event_employers
      WHERE event_id = $1${absent} ORDER BY id`,
    [event.id],
  );
  const participants = await manager.query<
    { id: string; preferences: string[] | null; attendance: string; checkedInAt: Date | null }[]
  >(
    `SELECT r.id, r.attendance, r.checked_in_at AS "checkedInAt",
            (SELECT array_agg(p.event_employer_id::text ORDER BY p.rank)
               FROM event_preferences p WHERE p.registration_id = r.id) AS preferences
       FROM event_registrations r
      WHERE r.event_id = $1${absent.replace('attendance', 'r.attendance')} ORDER BY r.number`,
    [event.id],
  );
  const interest = await manager.query<{ employerId: string; participantId: string }[]>(
    `SELECT i.event_employer_id AS "employerId", i.registration_id AS "participantId"
       FROM event_interests i JOIN event_employers ee ON ee.id = i.event_employer_id
      WHERE ee.event_id = $1 ORDER BY 1, 2`,
    [event.id],
  );
  const present = new Set(employers.map((e) => e.id));
  const missed = (party: { attendance: string; checkedInAt: Date | null }): number[] =>
    includeAbsent || party.attendance !== 'late' || !party.checkedInAt
      ? []
      : roundsBegunBefore(event, new Date(party.checkedInAt));
  return {
    rounds: event.rounds,
    employers: employers.map((e) => ({
      id: e.id,
      tables: Number(e.tables),
      unavailableRounds: missed(e),
    })),
    participants: participants.map((p) => ({
      id: p.id,
      preferences: (p.preferences ?? []).filter((id) => present.has(id)),
      unavailableRounds: missed(p),
    })),
    interest: interest.filter((i) => present.has(i.employerId)),
    fixed,
  };
}

/** The scheduler's rounds (from 0) that had begun before the instant. */
export function roundsBegunBefore(event: RecruitmentEvent, instant: Date): number[] {
  const slotMs = event.slotMinutes * 60_000;
  const begun = Math.ceil((instant.getTime() - event.startsAt.getTime()) / slotMs);
  return Array.from({ length: Math.min(Math.max(begun, 0), event.rounds) }, (_, i) => i);
}
