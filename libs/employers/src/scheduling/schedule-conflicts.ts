import type { Meeting, ScheduleConflict, SchedulingInput } from './schedule.types';

/**
 * Every rule a schedule breaks, in a stable order (by code, then round, employer, table,
 * participant). Groups are reported once: three meetings of one participant in one round
 * are one `participant_double_booked` naming all three. Meetings naming an unknown
 * employer or participant are reported as such and left out of the other checks that
 * need that party. A pair neither side chose is not a conflict: staff may add any
 * meeting by hand.
 */
export function findConflicts(
  input: SchedulingInput,
  meetings: readonly Meeting[],
): ScheduleConflict[] {
  const employers = new Map(input.employers.map((e) => [e.id, e]));
  const participants = new Map(input.participants.map((p) => [p.id, p]));
  const conflicts: ScheduleConflict[] = [];
  const groups = {
    participantRound: new Map<string, number[]>(),
    tableRound: new Map<string, number[]>(),
    employerRound: new Map<string, number[]>(),
    pair: new Map<string, number[]>(),
  };
  const add = (group: Map<string, number[]>, key: string, index: number): void => {
    const list = group.get(key);
    if (list) list.push(index);
    else group.set(key, [index]);
  };

  meetings.forEach((m, index) => {
    const employer = employers.get(m.employerId);
    const participant = participants.get(m.participantId);
    const roundOk = Number.isInteger(m.round) && m.round >= 0 && m.round < input.rounds;
    if (!roundOk)
      conflicts.push({ code: 'round_out_of_range', ...where(m), meetingIndexes: [index] });
    if (!employer) {
      conflicts.push({ code: 'unknown_employer', ...where(m), meetingIndexes: [index] });
    } else if (!(Number.isInteger(m.table) && m.table >= 0 && m.table < employer.tables)) {
      conflicts.push({ code: 'table_out_of_range', ...where(m), meetingIndexes: [index] });
    }
    if (!participant) {
      conflicts.push({ code: 'unknown_participant', ...where(m), meetingIndexes: [index] });
    }
    if (roundOk && participant?.unavailableRounds?.includes(m.round)) {
      conflicts.push({
        code: 'unavailable',
        ...where(m),
        unavailableParty: 'participant',
        meetingIndexes: [index],
      });
    }
    if (roundOk && employer?.unavailableRounds?.includes(m.round)) {
      conflicts.push({
        code: 'unavailable',
        ...where(m),
        unavailableParty: 'employer',
        meetingIndexes: [index],
      });
    }
    // JSON keys: ids are arbitrary strings, so no separator could be trusted.
    if (participant)
      add(groups.participantRound, JSON.stringify([m.participantId, m.round]), index);
    if (employer) {
      add(groups.tableRound, JSON.stringify([m.employerId, m.table, m.round]), index);
      add(groups.employerRound, JSON.stringify([m.employerId, m.round]), index);
    }
    if (employer && participant)
      add(groups.pair, JSON.stringify([m.participantId, m.employerId]), index);
  });

  for (const indexes of groups.participantRound.values()) {
    if (indexes.length < 2) continue;
    const { participantId, round } = meetings[indexes[0]];
    conflicts.push({
      code: 'participant_double_booked',
      participantId,
      round,
      meetingIndexes: indexes,
    });
  }
  for (const indexes of groups.tableRound.values()) {
    if (indexes.length < 2) continue;
    const { employerId, table, round } = meetings[indexes[0]];
    conflicts.push({
      code: 'table_double_booked',
      employerId,
      table,
      round,
      meetingIndexes: indexes,
    });
  }
  for (const indexes of groups.employerRound.values()) {
    const { employerId, round } = meetings[indexes[0]];
    if (indexes.length <= (employers.get(employerId)?.tables ?? 0)) continue;
    conflicts.push({ code: 'employer_over_capacity', employerId, round, meetingIndexes: indexes });
  }
  for (const indexes of groups.pair.values()) {
    if (indexes.length < 2) continue;
    const { employerId, participantId } = meetings[indexes[0]];
    conflicts.push({
      code: 'pair_meets_twice',
      employerId,
      participantId,
      meetingIndexes: indexes,
    });
  }
  return conflicts.sort(compareConflicts);
}

function where(m: Meeting): Omit<ScheduleConflict, 'code'> {
  return {
    round: m.round,
    employerId: m.employerId,
    participantId: m.participantId,
    table: m.table,
  };
}

function compareConflicts(a: ScheduleConflict, b: ScheduleConflict): number {
  return (
    compare(a.code, b.code) ||
    compare(a.round ?? -1, b.round ?? -1) ||
    compare(a.employerId ?? '', b.employerId ?? '') ||
    compare(a.table ?? -1, b.table ?? -1) ||
    compare(a.participantId ?? '', b.participantId ?? '') ||
    compare(a.unavailableParty ?? '', b.unavailableParty ?? '') ||
    compare(a.meetingIndexes?.[0] ?? -1, b.meetingIndexes?.[0] ?? -1)
  );
}

/** Code-unit order: the same on every machine and locale (unlike localeCompare). */
export function compare<T extends string | number>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
