import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@ohjaamo/platform';
import { findConflicts } from './schedule-conflicts';
import { FixedMeetingsConflictError } from './schedule-errors';
import { generateSchedule } from './schedule-generator';
import type { Meeting, SchedulingInput } from './schedule.types';

const meet = (round: number, employerId: string, participantId: string, table = 0): Meeting => ({
  round,
  employerId,
  participantId,
  table,
});
const pairs = (meetings: Meeting[]): string[] =>
  meetings.map((m) => `${m.participantId}-${m.employerId}`).sort();

describe('generateSchedule', () => {
  it('gives everyone their first choices when the tables allow it', () => {
    const input: SchedulingInput = {
      rounds: 2,
      employers: [
        { id: 'acme', tables: 1 },
        { id: 'bistro', tables: 1 },
      ],
      participants: [
        { id: 'aino', preferences: ['acme', 'bistro'] },
        { id: 'eero', preferences: ['bistro', 'acme'] },
      ],
      interest: [],
    };
    const { meetings, score } = generateSchedule(input);
    expect(pairs(meetings)).toEqual(['aino-acme', 'aino-bistro', 'eero-acme', 'eero-bistro']);
    expect(findConflicts(input, meetings)).toEqual([]);
    expect(score.choicesMet).toEqual({ first: 1, second: 1, third: 0 });
    expect(score.meetingsPerParticipant).toEqual({ min: 2, max: 2, mean: 2 });
    expect(score.participantsWithoutMeeting).toBe(0);
  });

  it('shares a scarce employer so that nobody is left without a meeting', () => {
    // One table, one round: both want acme, only eero also ranked bistro.
    const input: SchedulingInput = {
      rounds: 1,
      employers: [
        { id: 'acme', tables: 1 },
        { id: 'bistro', tables: 1 },
      ],
      participants: [
        { id: 'aino', preferences: ['acme'] },
        { id: 'eero', preferences: ['acme', 'bistro'] },
      ],
      interest: [],
    };
    expect(pairs(generateSchedule(input).meetings)).toEqual(['aino-acme', 'eero-bistro']);
  });

  it('schedules a pair the employer is interested in although the participant did not rank it', () => {
    const input: SchedulingInput = {
      rounds: 1,
      employers: [{ id: 'acme', tables: 1 }],
      participants: [
        { id: 'aino', preferences: [] },
        { id: 'eero', preferences: [] },
      ],
      interest: [{ employerId: 'acme', participantId: 'eero' }],
    };
    const { meetings, score } = generateSchedule(input);
    expect(meetings).toEqual([meet(0, 'acme', 'eero')]);
    expect(score.interestMeetings).toBe(1);
    expect(score.rankedMeetings).toBe(0);
    expect(score.participantsWithoutMeeting).toBe(1);
  });

  it('never schedules a pair neither side chose', () => {
    const input: SchedulingInput = {
      rounds: 3,
      employers: [{ id: 'acme', tables: 3 }],
      participants: [{ id: 'aino', preferences: ['unknown-employer'] }],
      interest: [{ employerId: 'acme', participantId: 'nobody' }],
    };
    expect(generateSchedule(input).meetings).toEqual([]);
  });

  it('keeps everyone out of the rounds they are away', () => {
    const input: SchedulingInput = {
      rounds: 3,
      employers: [
        { id: 'acme', tables: 1, unavailableRounds: [0] },
        { id: 'bistro', tables: 1 },
      ],
      participants: [{ id: 'aino', preferences: ['acme', 'bistro'], unavailableRounds: [1] }],
      interest: [],
    };
    const { meetings } = generateSchedule(input);
    expect(meetings).toHaveLength(2);
    expect(meetings.find((m) => m.employerId === 'acme')?.round).toBe(2);
    expect(meetings.find((m) => m.employerId === 'bistro')?.round).toBe(0);
  });

  it('keeps fixed meetings as they are and fills around them', () => {
    const input: SchedulingInput = {
      rounds: 2,
      employers: [{ id: 'acme', tables: 1 }],
      participants: [
        { id: 'aino', preferences: ['acme'] },
        { id: 'eero', preferences: ['acme'] },
      ],
      interest: [],
      // Put by hand into the second round, and a pair nobody chose: still kept.
      fixed: [meet(1, 'acme', 'aino')],
    };
    expect(generateSchedule(input).meetings).toEqual([
      meet(0, 'acme', 'eero'),
      meet(1, 'acme', 'aino'),
    ]);
  });

  it('refuses fixed meetings that break rules, listing the conflicts', () => {
    const input: SchedulingInput = {
      rounds: 2,
      employers: [{ id: 'acme', tables: 1 }],
      participants: [{ id: 'aino', preferences: ['acme'] }],
      interest: [],
      fixed: [meet(0, 'acme', 'aino'), meet(1, 'acme', 'aino')],
    };
    expect(() => generateSchedule(input)).toThrow(FixedMeetingsConflictError);
    try {
      generateSchedule(input);
    } catch (error) {
      expect((error as FixedMeetingsConflictError).conflicts.map((c) => c.code)).toEqual([
        'pair_meets_twice',
      ]);
    }
  });

  it('refuses malformed numbers and repeated ids with field errors', () => {
    const input: SchedulingInput = {
      rounds: 1.5,
      employers: [
        { id: 'acme', tables: -1 },
        { id: 'acme', tables: 1 },
      ],
      participants: [],
      interest: [],
    };
    expect(() => generateSchedule(input)).toThrow(DomainError);
    try {
      generateSchedule(input);
    } catch (error) {
      expect((error as DomainError).fieldErrors).toEqual([
        { field: 'rounds', code: 'isInt' },
        { field: 'employers[0].tables', code: 'isInt' },
        {
          field: 'employers[1].id',
          code: 'duplicate',
          messageKey: 'events.fieldErrors.duplicateId',
        },
      ]);
    }
  });

  it('has a message for a repeated id in every language', () => {
    for (const language of ['fi', 'sv', 'en']) {
      const file = join(__dirname, `../../../platform/src/i18n/locales/${language}/employers.json`);
      const messages = JSON.parse(readFileSync(file, 'utf8')) as {
        events: { fieldErrors: Record<string, string> };
      };
      expect(messages.events.fieldErrors.duplicateId).toMatch(/\S/);
    }
  });

  it('handles an event with no rounds, tables or people', () => {
    const empty = generateSchedule({ rounds: 0, employers: [], participants: [], interest: [] });
    expect(empty.meetings).toEqual([]);
    expect(empty.score.total).toBe(0);
    const noTables = generateSchedule({
      rounds: 2,
      employers: [{ id: 'acme', tables: 0 }],
      participants: [{ id: 'aino', preferences: ['acme'] }],
      interest: [],
    });
    expect(noTables.meetings).toEqual([]);
    expect(noTables.score.participantsWithoutMeeting).toBe(1);
  });
});

describe('generateSchedule trade-offs', () => {
  it("gives a young person their only possible meeting rather than someone else's second", () => {
    // X is there in round 0 only, Y in round 1 only. a wants both (Y first, and Y is
    // interested: 130; X second: 92); b can come only in round 1 (Y, its second choice: 92).
    // Preference alone would give a both (222 against 184); the objective gives b the Y
    // slot: 240 + 92 + 240 + 92 = 664 against 240 + 120 + 92 + 130 = 582.
    const input: SchedulingInput = {
      rounds: 2,
      employers: [
        { id: 'X', tables: 1, unavailableRounds: [1] },
        { id: 'Y', tables: 1, unavailableRounds: [0] },
      ],
      participants: [
        { id: 'a', preferences: ['Y', 'X'] },
        { id: 'b', preferences: ['X', 'Y'], unavailableRounds: [0] },
      ],
      interest: [{ employerId: 'Y', participantId: 'a' }],
    };
    const { meetings, score } = generateSchedule(input);
    expect(meetings).toEqual([meet(0, 'X', 'a'), meet(1, 'Y', 'b')]);
    expect(score.total).toBe(664);
    expect(score.provenOptimal).toBe(true);
  });
});
