import { placePairs } from './round-placement';
import { ScheduleBoard } from './schedule-board';
import { toProblem } from './scheduling-problem';
import type { SchedulingInput } from './schedule.types';

// Two participants (x, y), two one-table employers (A, B), two rounds. x meets A in round 0
// and y meets B in round 1, so for the pair (x, B) x is free only in round 1 and B only in
// round 0: no common round without moving someone.
const input = (
  away: Pick<SchedulingInput, 'participants'> | undefined = undefined,
): SchedulingInput => ({
  rounds: 2,
  employers: [
    { id: 'A', tables: 1 },
    { id: 'B', tables: 1 },
  ],
  participants: away?.participants ?? [
    { id: 'x', preferences: ['A', 'B'] },
    { id: 'y', preferences: ['B'] },
  ],
  interest: [],
});
const X = 0;
const Y = 1;
const A = 0;
const B = 1;

function boardWith(schedule: SchedulingInput, fixed = false): ScheduleBoard {
  const board = new ScheduleBoard(toProblem(schedule));
  board.add(X, A, 0, fixed);
  board.add(Y, B, 1, fixed);
  return board;
}
const seats = (board: ScheduleBoard): string[] =>
  board.toMeetings().map((m) => `${m.participantId}-${m.employerId}@${m.round}`);

describe('placePairs', () => {
  it("moves y's meeting to free a common round (a Kempe swap)", () => {
    const board = boardWith(input());
    expect(placePairs(board, [[X, B]])).toEqual([]);
    expect(seats(board)).toEqual(['x-A@0', 'y-B@0', 'x-B@1']);
  });

  it('never moves a fixed meeting to make room', () => {
    const board = boardWith(input(), true);
    expect(placePairs(board, [[X, B]])).toEqual([[X, B]]);
    expect(seats(board)).toEqual(['x-A@0', 'y-B@1']);
  });

  it('never moves a meeting into a round its participant is away', () => {
    const away = {
      participants: [
        { id: 'x', preferences: ['A', 'B'] },
        { id: 'y', preferences: ['B'], unavailableRounds: [0] },
      ],
    };
    const board = boardWith(input(away));
    // The other swap (x's meeting with A to round 1) is possible instead.
    expect(placePairs(board, [[X, B]])).toEqual([]);
    expect(seats(board)).toEqual(['x-B@0', 'x-A@1', 'y-B@1']);
  });

  it('leaves a pair unplaced when every swap would break an absence', () => {
    const away = {
      participants: [
        { id: 'x', preferences: ['A', 'B'] },
        { id: 'y', preferences: ['B'], unavailableRounds: [0] },
      ],
    };
    const board = new ScheduleBoard(
      toProblem({
        ...input(away),
        employers: [
          { id: 'A', tables: 1, unavailableRounds: [1] },
          { id: 'B', tables: 1 },
        ],
      }),
    );
    board.add(X, A, 0);
    board.add(Y, B, 1);
    expect(placePairs(board, [[X, B]])).toEqual([[X, B]]);
    expect(seats(board)).toEqual(['x-A@0', 'y-B@1']);
  });
});
