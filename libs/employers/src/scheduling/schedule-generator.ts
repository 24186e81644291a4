import { selectPairs } from './pair-selection';
import { place, placePairs } from './round-placement';
import { ScheduleBoard } from './schedule-board';
import { improveByExchanges } from './schedule-improvement';
import { findConflicts } from './schedule-conflicts';
import { FixedMeetingsConflictError } from './schedule-errors';
import { fairnessGain } from './schedule-objective';
import { scoreProblem } from './schedule-score';
import type { Meeting, ScheduleScore, SchedulingInput } from './schedule.types';
import { pairAllowed, pairValueOf, toProblem, type SchedulingProblem } from './scheduling-problem';

/** Re-selections after pairs failed to get a round; each must place at least one pair. */
const MAX_RESELECTIONS = 20;

/**
 * Builds a timetable: the fixed meetings as they are, and around them meetings of allowed
 * pairs (the participant ranked the employer or the employer is interested) with no double
 * booking, maximising the objective of `schedule-objective.ts`. The result depends only on
 * the content of the input, never on the order of its lists.
 *
 * 1. Choose which pairs meet: a maximum-gain b-matching (`selectPairs`). Its gain gives an
 *    upper bound of the objective over all valid schedules.
 * 2. Give them rounds and tables by bipartite edge colouring (`placePairs`). With
 *    everybody present in every round and nothing fixed this always succeeds (König), so
 *    the schedule reaches the bound and is optimal.
 * 3. Absences and fixed meetings can leave chosen pairs without a round. Then the choice
 *    is made again for the free places that are left, and finally every allowed pair is
 *    tried once more in order of what it would add, so no further meeting fits anywhere.
 * 4. If the bound is still not reached, a local search exchanges meetings while that
 *    raises the objective (`improveByExchanges`). `score.provenOptimal` says whether the
 *    bound was reached all the same.
 */
export function generateSchedule(input: SchedulingInput): {
  meetings: Meeting[];
  score: ScheduleScore;
} {
  const problem = toProblem(input);
  const board = boardWithFixed(problem, input);
  const fixedTotal = scoreProblem(problem, board.toMeetings()).total;

  let selection = selectPairs(board);
  const upperBound = fixedTotal + selection.gain;
  for (let attempt = 0; attempt <= MAX_RESELECTIONS && selection.pairs.length > 0; attempt++) {
    const unplaced = placePairs(board, selection.pairs);
    if (unplaced.length === 0 || unplaced.length === selection.pairs.length) break;
    selection = selectPairs(board);
  }
  fillByGain(problem, board);
  if (scoreProblem(problem, board.toMeetings()).total < upperBound) {
    improveByExchanges(board);
    fillByGain(problem, board);
  }

  const meetings = board.toMeetings();
  const score = scoreProblem(problem, meetings);
  return { meetings, score: { ...score, upperBound, provenOptimal: score.total === upperBound } };
}

function boardWithFixed(problem: SchedulingProblem, input: SchedulingInput): ScheduleBoard {
  const fixed = input.fixed ?? [];
  const conflicts = findConflicts(input, fixed);
  if (conflicts.length > 0) throw new FixedMeetingsConflictError(conflicts);
  const board = new ScheduleBoard(problem);
  // Added in a canonical order, so meeting ids never depend on the order of the input.
  const seats = fixed
    .map((m) => ({
      p: problem.participantIndex.get(m.participantId)!,
      t: board.employerTableStart[problem.employerIndex.get(m.employerId)!] + m.table,
      r: m.round,
    }))
    .sort((a, b) => a.r - b.r || a.t - b.t);
  for (const { p, t, r } of seats) board.add(p, t, r, true);
  return board;
}

/**
 * Tries every allowed pair that has not met, most valuable first (its fairness gain for the
 * participant's next meeting plus its pair value), in passes until a pass adds nothing.
 * A pair whose value dropped during a pass (its participant got another meeting) waits
 * for the next pass. Afterwards no allowed pair fits anywhere, even with a swap.
 */
function fillByGain(problem: SchedulingProblem, board: ScheduleBoard): void {
  const P = problem.participantIds.length;
  const E = problem.employerIds.length;
  const gainOf = (p: number, e: number): number =>
    fairnessGain(board.meetingsOf(p) + 1, problem.rounds) + pairValueOf(problem, p, e);
  for (;;) {
    const candidates: { p: number; e: number; gain: number }[] = [];
    for (let p = 0; p < P; p++) {
      for (let e = 0; e < E; e++) {
        if (pairAllowed(problem, p, e) && !board.hasMet(p, e))
          candidates.push({ p, e, gain: gainOf(p, e) });
      }
    }
    candidates.sort((a, b) => b.gain - a.gain || a.p - b.p || a.e - b.e);
    let added = 0;
    for (const { p, e, gain } of candidates) {
      if (gainOf(p, e) === gain && place(board, p, e)) added += 1;
    }
    // A pair is deferred only after another pair of its participant was added.
    if (added === 0) return;
  }
}
