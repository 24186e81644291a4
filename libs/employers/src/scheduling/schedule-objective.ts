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
 * count like any other. `scoreSchedule` (schedule-score.ts) computes it for any schedule.
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
