import { fairnessOf } from './schedule-objective';
import type { Meeting, ScheduleScore, SchedulingInput } from './schedule.types';
import { pairValueOf, toProblem, type SchedulingProblem } from './scheduling-problem';

/**
 * The score of a schedule under the objective of `schedule-objective.ts`, with figures
 * that explain it. A schedule that breaks rules is still scored (check it with
 * `findConflicts`); meetings naming unknown parties are ignored.
 */
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
