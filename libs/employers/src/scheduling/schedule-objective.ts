import type { Meeting, ScheduleScore, SchedulingInput } from './schedule.types';
import { toProblem, type SchedulingProblem } from './scheduling-problem';

/**
 * The objective the generator maximises, so that "optimal" can be checked.
 *
 *   total(S) = Σ over participants p of F(k_p)  +  Σ over meetings (p, e) of v(p, e)
 *
 * - k_p is the number of meetings of participant p in schedule S; R is the number of rounds.
 * - F(k) = g(1) + … + g(k), where the i-th meeting of a participant gains
 *   g(i) = FAIRNESS_STEP × (R + 1 − i). Each further meeting gains FAIRNESS_STEP less than
 *   the one before, so F is concave: a meeting is worth more to someone with fewer
 *   meetings. FAIRNESS_STEP (120) exceeds the largest difference between two pair values
 *   (130 − 20 = 110), so moving a meeting from someone with more meetings to someone with
 *   at least two fewer always raises the total: counts are balanced first, preferences
 *   decide among balanced schedules.
 * - v(p, e) = rankValue(rank of e in p's preferences) + INTEREST_BONUS when e stated
 *   interest in p. rankValue(1) = 100 and falls by 8 a rank to a floor of 20 (rank 11
 *   and later); an employer p did not rank is worth 0 (such a pair meets only because of
 *   the employer's interest, or by hand).
 *
 * Only pairs that p ranked or e is interested in may be generated; meetings fixed by hand
 * count like any other. The score of a schedule that breaks rules is still computed
 * (check it with `findConflicts`); meetings naming unknown parties are ignored.
 */
export const FAIRNESS_STEP = 120;
export const INTEREST_BONUS = 30;
const FIRST_CHOICE_VALUE = 100;
const RANK_STEP = 8;
const RANK_FLOOR = 20;

/** Value of meeting an employer of the given rank (1 = first choice, 0 = not ranked). */
export function rankValue(rank: number): number {
  return rank === 0 ? 0 : Math.max(RANK_FLOOR, FIRST_CHOICE_VALUE - RANK_STEP * (rank - 1));
}

/** v(p, e) of the objective. */
export function pairValue(rank: number, interested: boolean): number {
  return rankValue(rank) + (interested ? INTEREST_BONUS : 0);
}

/** g(i): what a participant's i-th meeting (1-based) adds. */
export function fairnessGain(i: number, rounds: number): number {
  return FAIRNESS_STEP * (rounds + 1 - i);
}

/** F(k) = g(1) + … + g(k). */
export function fairnessOf(k: number, rounds: number): number {
  return FAIRNESS_STEP * (k * (rounds + 1) - (k * (k + 1)) / 2);
}

/** Whether the generator may schedule the pair (participant p, employer e). */
export function pairAllowed(problem: SchedulingProblem, p: number, e: number): boolean {
  const i = p * problem.employerIds.length + e;
  return problem.rank[i] !== 0 || problem.interest[i] !== 0;
}

export function pairValueOf(problem: SchedulingProblem, p: number, e: number): number {
  const i = p * problem.employerIds.length + e;
  return pairValue(problem.rank[i], problem.interest[i] !== 0);
}

/** The score of a schedule (see the objective above). */
export function scoreSchedule(input: SchedulingInput, meetings: readonly Meeting[]): ScheduleScore {
  return scoreProblem(toProblem(input), meetings);
}

export function scoreProblem(
  problem: SchedulingProblem,
  meetings: readonly Meeting[],
): ScheduleScore {
  const E = problem.employerIds.length;
  const P = problem.participantIds.length;
  const perParticipant = new Array<number>(P).fill(0);
  const perEmployer = new Array<number>(E).fill(0);
  const met = new Uint8Array(P * E);
  let preference = 0;
  let meetingCount = 0;
  let rankedMeetings = 0;
  let interestMeetings = 0;
  for (const m of meetings) {
    const p = problem.participantIndex.get(m.participantId);
    const e = problem.employerIndex.get(m.employerId);
    if (p === undefined || e === undefined) continue;
    meetingCount += 1;
    perParticipant[p] += 1;
    perEmployer[e] += 1;
    met[p * E + e] = 1;
    preference += pairValueOf(problem, p, e);
    if (problem.rank[p * E + e] !== 0) rankedMeetings += 1;
    if (problem.interest[p * E + e] !== 0) interestMeetings += 1;
  }
  const fairness = perParticipant.reduce((sum, k) => sum + fairnessOf(k, problem.rounds), 0);
  return {
    total: fairness + preference,
    fairness,
    preference,
    meetings: meetingCount,
    meetingsPerParticipant: summarise(perParticipant),
    meetingsPerEmployer: summarise(perEmployer),
    participantsWithoutMeeting: perParticipant.filter((k) => k === 0).length,
    choicesMet: {
      first: choiceMet(problem, met, 1),
      second: choiceMet(problem, met, 2),
      third: choiceMet(problem, met, 3),
    },
    rankedMeetings,
    interestMeetings,
  };
}

function summarise(counts: number[]): { min: number; max: number; mean: number } {
  if (counts.length === 0) return { min: 0, max: 0, mean: 0 };
  return {
    min: Math.min(...counts),
    max: Math.max(...counts),
    mean: counts.reduce((a, b) => a + b, 0) / counts.length,
  };
}

/** Share of participants with a `rank`-th choice who meet that employer. */
function choiceMet(problem: SchedulingProblem, met: Uint8Array, rank: number): number {
  const E = problem.employerIds.length;
  let ranked = 0;
  let meeting = 0;
  for (let p = 0; p < problem.participantIds.length; p++) {
    for (let e = 0; e < E; e++) {
      if (problem.rank[p * E + e] !== rank) continue;
      ranked += 1;
      if (met[p * E + e]) meeting += 1;
    }
  }
  return ranked === 0 ? 0 : meeting / ranked;
}
