import { place } from './round-placement';
import type { ScheduleBoard } from './schedule-board';
import { fairnessGain } from './schedule-objective';
import { pairAllowed, pairValueOf } from './scheduling-problem';

/** Passes over all pairs; each pass that changes something raises the objective. */
const MAX_PASSES = 50;
// Trial exchanges that lose value at first, undone from the board's journal when the
// displaced people find no place that makes up for it.
const MAX_TRIALS = 5000;

/**
 * Local search for what the edge colouring missed around absences and fixed meetings.
 * For an allowed pair (p, e) that has not met, in a round where both are present, it makes
 * room: it takes out p's own meeting in that round and/or the meeting at one of e's tables,
 * seats (p, e) there, gives each displaced participant its best further meeting that fits
 * (`place`, with swaps) and fills the table p left. The exchange is kept only when the
 * objective rises; fixed meetings never move. Pairs are tried most valuable first.
 * Deterministic: every loop runs in index order, and the limits count steps, not time.
 */
export function improveByExchanges(board: ScheduleBoard): void {
  const { problem } = board;
  const P = problem.participantIds.length;
  const E = problem.employerIds.length;
  const trials = { left: MAX_TRIALS };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const candidates: { p: number; e: number; gain: number }[] = [];
    for (let p = 0; p < P; p++) {
      for (let e = 0; e < E; e++) {
        if (!pairAllowed(problem, p, e) || board.hasMet(p, e)) continue;
        candidates.push({ p, e, gain: addGain(board, p, e) });
      }
    }
    candidates.sort((a, b) => b.gain - a.gain || a.p - b.p || a.e - b.e);
    let improved = false;
    for (const { p, e } of candidates) {
      if (!board.hasMet(p, e) && exchange(board, p, e, trials)) improved = true;
    }
    if (!improved) return;
  }
}

/** Tries to seat (p, e) by displacing meetings; true when the objective rose. */
function exchange(board: ScheduleBoard, p: number, e: number, trials: { left: number }): boolean {
  const { problem } = board;
  const R = board.rounds;
  for (let r = 0; r < R; r++) {
    if (problem.participantAvailable[p * R + r] !== 1 || problem.employerAvailable[e * R + r] !== 1)
      continue;
    const own = board.participantMeeting(p, r);
    if (own !== -1 && board.fixed[own]) continue;
    // What seating (p, e) in round r changes for p: a further meeting, or a different one.
    const forP =
      own === -1
        ? fairnessGain(board.meetingsOf(p) + 1, R) + pairValueOf(problem, p, e)
        : pairValueOf(problem, p, e) - pairValueOf(problem, p, board.employerOf(own));
    for (let t = board.employerTableStart[e]; t < board.employerTableStart[e + 1]; t++) {
      const seated = board.tableMeeting(t, r);
      if (seated !== -1 && board.fixed[seated]) continue;
      // The participant seated there (never p: p has not met e) loses that meeting.
      const q = seated === -1 ? -1 : board.participantOf[seated];
      let change =
        q === -1 ? forP : forP - fairnessGain(board.meetingsOf(q), R) - pairValueOf(problem, q, e);
      // An exchange that loses value at first needs the displaced to find places: a trial.
      if (change <= 0) {
        if (trials.left <= 0) continue;
        trials.left -= 1;
      }
      board.beginTrial();
      const freedTable = own === -1 ? -1 : board.tableOf[own];
      if (own !== -1) board.remove(own);
      if (seated !== -1) board.remove(seated);
      board.add(p, t, r);
      if (q !== -1) change += reseat(board, q);
      if (own !== -1) change += reseat(board, p) + fillSeat(board, freedTable, r);
      if (change > 0) {
        board.keep();
        return true;
      }
      board.rollBack();
    }
  }
  return false;
}

/** Gives participant q its most valuable further meeting that fits; returns what it added. */
function reseat(board: ScheduleBoard, q: number): number {
  const { problem } = board;
  const options: { e: number; gain: number }[] = [];
  for (let e = 0; e < problem.employerIds.length; e++) {
    if (pairAllowed(problem, q, e) && !board.hasMet(q, e))
      options.push({ e, gain: addGain(board, q, e) });
  }
  options.sort((a, b) => b.gain - a.gain || a.e - b.e);
  for (const { e, gain } of options) if (place(board, q, e)) return gain;
  return 0;
}

/** Seats the most valuable free participant at an empty table in a round; returns the gain. */
function fillSeat(board: ScheduleBoard, t: number, r: number): number {
  const e = board.tableEmployer[t];
  let best = -1;
  let bestGain = 0;
  for (let q = 0; q < board.problem.participantIds.length; q++) {
    if (!board.participantFree(q, r) || !pairAllowed(board.problem, q, e) || board.hasMet(q, e))
      continue;
    const gain = addGain(board, q, e);
    if (gain > bestGain) {
      best = q;
      bestGain = gain;
    }
  }
  if (best === -1 || !board.tableFree(t, r)) return 0;
  board.add(best, t, r);
  return bestGain;
}

/** What meeting (p, e) would add now: p's next fairness gain plus the pair's value. */
function addGain(board: ScheduleBoard, p: number, e: number): number {
  return fairnessGain(board.meetingsOf(p) + 1, board.rounds) + pairValueOf(board.problem, p, e);
}
