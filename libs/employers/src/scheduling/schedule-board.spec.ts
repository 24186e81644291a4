import { ScheduleBoard } from './schedule-board';
import { toProblem } from './scheduling-problem';

const problem = toProblem({
  rounds: 3,
  employers: [
    { id: 'A', tables: 2 },
    { id: 'B', tables: 1 },
  ],
  participants: [
    { id: 'x', preferences: ['A', 'B'] },
    { id: 'y', preferences: ['A', 'B'] },
  ],
  interest: [],
});
const [X, Y] = [0, 1];
const [A0, A1, B0] = [0, 1, 2];

/** Everything the board answers, to compare before and after. */
function state(board: ScheduleBoard): unknown {
  const slots: number[] = [];
  for (let r = 0; r < 3; r++) {
    for (const p of [X, Y]) slots.push(board.participantMeeting(p, r));
    for (const t of [A0, A1, B0]) slots.push(board.tableMeeting(t, r));
  }
  return {
    meetings: board.toMeetings(),
    slots,
    met: [board.hasMet(X, 0), board.hasMet(X, 1), board.hasMet(Y, 0), board.hasMet(Y, 1)],
    counts: [board.meetingsOf(X), board.meetingsOf(Y)],
  };
}

describe('ScheduleBoard', () => {
  it('rolls a trial back to exactly the state before it', () => {
    const board = new ScheduleBoard(problem);
    const xa = board.add(X, A0, 0);
    board.add(Y, B0, 1);
    const before = state(board);

    board.beginTrial();
    board.remove(xa);
    const added = board.add(X, B0, 0);
    board.add(Y, A1, 2);
    board.reround([{ id: added, round: 2 }]);
    board.remove(added);
    expect(state(board)).not.toEqual(before);
    board.rollBack();

    expect(state(board)).toEqual(before);
    // New meetings get the ids they would have had without the trial.
    expect(board.add(X, A1, 2)).toBe(2);
  });

  it('keeps a trial when told to', () => {
    const board = new ScheduleBoard(problem);
    board.beginTrial();
    board.add(X, A0, 0);
    board.keep();
    board.rollBack();
    expect(board.toMeetings()).toEqual([
      { round: 0, employerId: 'A', participantId: 'x', table: 0 },
    ]);
  });

  it('numbers tables per employer and knows who is free', () => {
    const board = new ScheduleBoard(problem);
    expect(board.employerTableStart).toEqual([0, 2, 3]);
    board.add(Y, A1, 1);
    expect(board.tableFree(A1, 1)).toBe(false);
    expect(board.participantFree(Y, 1)).toBe(false);
    expect(board.participantFree(X, 1)).toBe(true);
    expect(board.toMeetings()).toEqual([
      { round: 1, employerId: 'A', participantId: 'y', table: 1 },
    ]);
  });
});
