import { ScheduleBoard } from './schedule-board';
import { findConflicts } from './schedule-conflicts';
import { FixedMeetingsConflictError } from './schedule-errors';
import { pairAllowed, pairValueOf, scoreProblem } from './schedule-objective';
import type { Meeting, ScheduleScore, SchedulingInput } from './schedule.types';
import { toProblem, type SchedulingProblem } from './scheduling-problem';

/**
 * Builds a timetable: the fixed meetings as they are, and around them meetings of allowed
 * pairs (the participant ranked the employer or the employer is interested) with no double
 * booking, maximising the objective of `schedule-objective.ts`. The result depends only on
 * the content of the input, never on the order of its lists.
 */
export function generateSchedule(input: SchedulingInput): {
  meetings: Meeting[];
  score: ScheduleScore;
} {
  const problem = toProblem(input);
  const board = boardWithFixed(problem, input);
  fillGreedily(problem, board);
  const meetings = board.toMeetings();
  return { meetings, score: scoreProblem(problem, meetings) };
}

function boardWithFixed(problem: SchedulingProblem, input: SchedulingInput): ScheduleBoard {
  const fixed = input.fixed ?? [];
  const conflicts = findConflicts(input, fixed);
  if (conflicts.length > 0) throw new FixedMeetingsConflictError(conflicts);
  const board = new ScheduleBoard(problem);
  for (const m of fixed) {
    const e = problem.employerIndex.get(m.employerId)!;
    board.add(
      problem.participantIndex.get(m.participantId)!,
      board.employerTableStart[e] + m.table,
      m.round,
      true,
    );
  }
  return board;
}

/**
 * Round by round, the participants with the fewest meetings so far choose first, each
 * taking the most valuable free employer table.
 */
function fillGreedily(problem: SchedulingProblem, board: ScheduleBoard): void {
  const P = problem.participantIds.length;
  const E = problem.employerIds.length;
  for (let r = 0; r < problem.rounds; r++) {
    const order = Array.from({ length: P }, (_, p) => p).sort(
      (a, b) => board.meetingsOf(a) - board.meetingsOf(b) || a - b,
    );
    for (const p of order) {
      if (!board.participantFree(p, r)) continue;
      let best = -1;
      let bestValue = -1;
      for (let e = 0; e < E; e++) {
        if (!pairAllowed(problem, p, e) || board.hasMet(p, e)) continue;
        const table = freeTable(board, e, r);
        const value = pairValueOf(problem, p, e);
        if (table >= 0 && value > bestValue) {
          best = table;
          bestValue = value;
        }
      }
      if (best >= 0) board.add(p, best, r);
    }
  }
}

function freeTable(board: ScheduleBoard, e: number, round: number): number {
  for (let t = board.employerTableStart[e]; t < board.employerTableStart[e + 1]; t++) {
    if (board.tableFree(t, round)) return t;
  }
  return -1;
}
