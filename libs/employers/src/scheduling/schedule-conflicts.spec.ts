import { findConflicts } from './schedule-conflicts';
import type { Meeting, SchedulingInput } from './schedule.types';

const input: SchedulingInput = {
  rounds: 3,
  employers: [
    { id: 'acme', tables: 2 },
    { id: 'bistro', tables: 1, unavailableRounds: [2] },
  ],
  participants: [
    { id: 'aino', preferences: ['acme'] },
    { id: 'eero', preferences: ['bistro'], unavailableRounds: [0] },
    { id: 'liisa', preferences: [] },
  ],
  interest: [],
};
const meet = (round: number, employerId: string, participantId: string, table = 0): Meeting => ({
  round,
  employerId,
  participantId,
  table,
});

describe('findConflicts', () => {
  it('finds nothing wrong in a valid schedule', () => {
    const meetings = [
      meet(0, 'acme', 'aino'),
      meet(0, 'acme', 'liisa', 1),
      meet(1, 'bistro', 'eero'),
      // A pair nobody chose may still be added by hand.
      meet(2, 'acme', 'eero', 1),
    ];
    expect(findConflicts(input, meetings)).toEqual([]);
  });

  it('names a participant booked twice in a round once, with both meetings', () => {
    expect(findConflicts(input, [meet(1, 'acme', 'aino'), meet(1, 'bistro', 'aino')])).toEqual([
      {
        code: 'participant_double_booked',
        participantId: 'aino',
        round: 1,
        meetingIndexes: [0, 1],
      },
    ]);
  });

  it('names a table booked twice in a round', () => {
    expect(findConflicts(input, [meet(1, 'acme', 'aino', 1), meet(1, 'acme', 'liisa', 1)])).toEqual(
      [
        {
          code: 'table_double_booked',
          employerId: 'acme',
          table: 1,
          round: 1,
          meetingIndexes: [0, 1],
        },
      ],
    );
  });

  it('names an employer with more meetings in a round than tables', () => {
    const meetings = [meet(0, 'bistro', 'aino'), meet(0, 'bistro', 'liisa')];
    expect(findConflicts(input, meetings).map((c) => c.code)).toEqual([
      'employer_over_capacity',
      'table_double_booked',
    ]);
    expect(findConflicts(input, meetings)[0]).toEqual({
      code: 'employer_over_capacity',
      employerId: 'bistro',
      round: 0,
      meetingIndexes: [0, 1],
    });
  });

  it('names a pair that meets twice', () => {
    expect(findConflicts(input, [meet(0, 'acme', 'aino'), meet(2, 'acme', 'aino', 1)])).toEqual([
      {
        code: 'pair_meets_twice',
        employerId: 'acme',
        participantId: 'aino',
        meetingIndexes: [0, 1],
      },
    ]);
  });

  it('refuses rounds and tables outside the event', () => {
    const codes = (m: Meeting): string[] => findConflicts(input, [m]).map((c) => c.code);
    expect(codes(meet(3, 'acme', 'aino'))).toEqual(['round_out_of_range']);
    expect(codes(meet(-1, 'acme', 'aino'))).toEqual(['round_out_of_range']);
    expect(codes(meet(0.5, 'acme', 'aino'))).toEqual(['round_out_of_range']);
    expect(codes(meet(0, 'acme', 'aino', 2))).toEqual(['table_out_of_range']);
    expect(codes(meet(0, 'bistro', 'aino', -1))).toEqual(['table_out_of_range']);
  });

  it('refuses unknown employers and participants', () => {
    expect(findConflicts(input, [meet(0, 'nobody', 'aino'), meet(1, 'acme', 'ghost')])).toEqual([
      {
        code: 'unknown_employer',
        round: 0,
        employerId: 'nobody',
        participantId: 'aino',
        table: 0,
        meetingIndexes: [0],
      },
      {
        code: 'unknown_participant',
        round: 1,
        employerId: 'acme',
        participantId: 'ghost',
        table: 0,
        meetingIndexes: [1],
      },
    ]);
  });

  it('refuses a meeting in a round either side is away, saying whose absence it is', () => {
    expect(findConflicts(input, [meet(0, 'acme', 'eero'), meet(2, 'bistro', 'liisa')])).toEqual([
      {
        code: 'unavailable',
        round: 0,
        employerId: 'acme',
        participantId: 'eero',
        table: 0,
        unavailableParty: 'participant',
        meetingIndexes: [0],
      },
      {
        code: 'unavailable',
        round: 2,
        employerId: 'bistro',
        participantId: 'liisa',
        table: 0,
        unavailableParty: 'employer',
        meetingIndexes: [1],
      },
    ]);
  });

  it('reports every rule an exact duplicate breaks', () => {
    const m = meet(1, 'acme', 'aino');
    expect(findConflicts(input, [m, { ...m }]).map((c) => c.code)).toEqual([
      'pair_meets_twice',
      'participant_double_booked',
      'table_double_booked',
    ]);
  });

  it('accepts ids that contain separators', () => {
    const odd: SchedulingInput = {
      rounds: 1,
      employers: [
        { id: 'a|1', tables: 1 },
        { id: 'a', tables: 1 },
      ],
      participants: [
        { id: '1|x', preferences: [] },
        { id: 'x', preferences: [] },
      ],
      interest: [],
    };
    expect(findConflicts(odd, [meet(0, 'a|1', 'x'), meet(0, 'a', '1|x')])).toEqual([]);
  });
});
