import { place } from './round-placement';
import type { ScheduleBoard } from './schedule-board';
import { fairnessGain, pairAllowed, pairValueOf } from './schedule-objective';

/** Passes over all pairs; each pass that changes something raises the objective. */
const MAX_PASSES = 50;
/** Trial exchanges that must be undone when they do not pay off (each copies the board). */
const MAX_TRIALS = 5000;

/**
 * Local search for what the edge colouring missed around absences and fixed meetings.
 * For an allowed pair (p, e) that has not met, in a round where both are present, it makes
 * room: it takes out p's own meeting in that round and/or the meeting at one of e's tables,
 * seats (p, e) there, gives each displaced participant its best further meeting that fits
 * (`place`, with swaps) and fills the table p left. The exchange is kept only when the objective rises; fixed meetings never move.
 * Pairs are tried most valuable first. Deterministic: every loop runs in index order, and
 * the limits count steps, not time.
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
  const { participantAvailable, employerAvailable } = board.problem;
  const R = board.rounds;
  for (let r = 0; r < R; r++) {
    if (participantAvailable[p * R + r] !== 1 || employerAvailable[e * R + r] !== 1) continue;
    const own = board.participantMeeting(p, r);
    if (own !== -1 && board.fixed[own]) continue;
    for (let t = board.employerTableStart[e]; t < board.employerTableStart[e + 1]; t++) {
      const seated = board.tableMeeting(t, r);
      if (seated !== -1 && board.fixed[seated]) continue;
      const displaced = [own, seated].filter((id, i, all) => id !== -1 && all.indexOf(id) === i);
      // What the exchange itself changes, before the displaced pairs find new places.
      let change = 0;
      const k = new Map<number, number>();
      const count = (q: number): number => k.get(q) ?? board.meetingsOf(q);
      for (const id of displaced) {
        const q = board.participantOf[id];
        change -= fairnessGain(count(q), R) + pairValueOf(board.problem, q, board.employerOf(id));
        k.set(q, count(q) - 1);
      }
      change += fairnessGain(count(p) + 1, R) + pairValueOf(board.problem, p, e);
      if (change <= 0 && trials.left <= 0) continue;
      const before = change > 0 ? undefined : board.snapshot();
      if (before) trials.left -= 1;
      const people = displaced.map((id) => board.participantOf[id]);
      const freedTable = own !== -1 && own !== seated ? board.tableOf[own] : -1;
      for (const id of displaced) board.remove(id);
      board.add(p, t, r);
      for (const q of people) change += reseat(board, q);
      if (freedTable !== -1) change += fillSeat(board, freedTable, r);
      if (change > 0) return true;
      board.restore(before!);
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
