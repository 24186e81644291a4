import { MinCostFlow } from './min-cost-flow';
import { fairnessGain } from './schedule-objective';
import { pairAllowed, pairValueOf } from './scheduling-problem';
import type { ScheduleBoard } from './schedule-board';

export interface PairSelection {
  /** Chosen pairs, as [participant, employer] indexes. */
  pairs: [number, number][];
  /** What the chosen pairs add to the objective (fairness gains plus pair values). */
  gain: number;
}

/**
 * Chooses WHICH pairs should meet, ignoring in which round: a maximum-gain b-matching
 * between participants and employers, solved as a minimum-cost flow
 *
 *   source → participant p: one arc per further meeting i = k_p+1 … k_p+c_p, costing −g(i)
 *   participant p → employer e: capacity 1 (a pair meets once), costing −v(p, e)
 *   employer e → sink: capacity = the employer's free table slots
 *
 * where k_p counts p's meetings already on the board and c_p its free rounds. The arc
 * costs −g(i) rise with i (g is decreasing), so the flow fills a participant's arcs in
 * order and a flow of minimum cost is a pair choice of maximum objective. A pair gets an
 * arc only if it is allowed, has not met, and both sides are free in a common round.
 *
 * Every valid completion of the board is such a choice (a participant meets at most once
 * a free round, an employer at most once a free table slot), so `gain` bounds what any
 * completion can add: the schedule is optimal when all the chosen pairs get a round.
 */
export function selectPairs(board: ScheduleBoard): PairSelection {
  const { problem } = board;
  const P = problem.participantIds.length;
  const E = problem.employerIds.length;
  const R = problem.rounds;
  const source = P + E;
  const sink = source + 1;
  const flow = new MinCostFlow(P + E + 2);

  // Employers' free table slots, and which rounds each employer has one in.
  const employerFreeRound = new Uint8Array(E * R);
  for (let e = 0; e < E; e++) {
    let slots = 0;
    for (let r = 0; r < R; r++) {
      for (let t = board.employerTableStart[e]; t < board.employerTableStart[e + 1]; t++) {
        if (!board.tableFree(t, r)) continue;
        slots += 1;
        employerFreeRound[e * R + r] = 1;
      }
    }
    if (slots > 0) flow.addArc(P + e, sink, slots, 0);
  }

  const pairArcs: { arc: number; p: number; e: number }[] = [];
  for (let p = 0; p < P; p++) {
    const freeRounds: number[] = [];
    for (let r = 0; r < R; r++) if (board.participantFree(p, r)) freeRounds.push(r);
    if (freeRounds.length === 0) continue;
    let arcs = 0;
    for (let e = 0; e < E; e++) {
      if (!pairAllowed(problem, p, e) || board.hasMet(p, e)) continue;
      if (!freeRounds.some((r) => employerFreeRound[e * R + r] === 1)) continue;
      pairArcs.push({ arc: flow.addArc(p, P + e, 1, -pairValueOf(problem, p, e)), p, e });
      arcs += 1;
    }
    // No more meetings than free rounds, nor than employers to meet.
    const k = board.meetingsOf(p);
    for (let i = 1; i <= Math.min(freeRounds.length, arcs); i++) {
      flow.addArc(source, p, 1, -fairnessGain(k + i, R));
    }
  }

  // 0 − cost rather than −cost: no negative zero when nothing is chosen.
  const gain = 0 - flow.minimiseCost(source, sink);
  const pairs = pairArcs
    .filter(({ arc }) => flow.flow(arc) === 1)
    .map(({ p, e }): [number, number] => [p, e]);
  return { pairs, gain };
}
