import {
  FAIRNESS_STEP,
  INTEREST_BONUS,
  fairnessGain,
  fairnessOf,
  pairValue,
  rankValue,
} from './schedule-objective';
import { scoreSchedule } from './schedule-score';
import type { SchedulingInput } from './schedule.types';

describe('the objective', () => {
  it('values ranks from 100 for a first choice down by 8 to a floor of 20, unranked 0', () => {
    expect([1, 2, 3, 10, 11, 15].map(rankValue)).toEqual([100, 92, 84, 28, 20, 20]);
    expect(rankValue(0)).toBe(0);
    expect(pairValue(2, true)).toBe(92 + INTEREST_BONUS);
    expect(pairValue(0, true)).toBe(INTEREST_BONUS);
  });

  it('gives each further meeting of a participant less, F(k) being the sum of the gains', () => {
    expect([1, 2, 3, 4].map((i) => fairnessGain(i, 4))).toEqual([480, 360, 240, 120]);
    for (let k = 0; k <= 6; k++) {
      let sum = 0;
      for (let i = 1; i <= k; i++) sum += fairnessGain(i, 6);
      expect(fairnessOf(k, 6)).toBe(sum);
    }
  });

  it('lets balance outweigh any difference between two pair values', () => {
    const best = pairValue(1, true);
    const worst = Math.min(rankValue(30), INTEREST_BONUS);
    expect(FAIRNESS_STEP).toBeGreaterThan(best - worst);
  });
});

describe('scoreSchedule', () => {
  const input: SchedulingInput = {
    rounds: 2,
    employers: [
      { id: 'X', tables: 1 },
      { id: 'Y', tables: 1 },
    ],
    participants: [
      // The withdrawn employer does not count: X is a's first choice.
      { id: 'a', preferences: ['withdrawn', 'X', 'Y'] },
      { id: 'b', preferences: ['Y'] },
      { id: 'c', preferences: [] },
    ],
    interest: [{ employerId: 'X', participantId: 'b' }],
  };

  it('adds up fairness and pair values and explains them', () => {
    const meetings = [
      { round: 0, employerId: 'X', participantId: 'a', table: 0 },
      { round: 1, employerId: 'X', participantId: 'b', table: 0 },
      { round: 1, employerId: 'Y', participantId: 'a', table: 0 },
    ];
    // a: 2 meetings (240 + 120), b: 1 (240), c: none. Pairs: a–X 100, a–Y 92, b–X 30.
    expect(scoreSchedule(input, meetings)).toEqual({
      total: 822,
      fairness: 600,
      preference: 222,
      meetings: 3,
      meetingsPerParticipant: { min: 0, max: 2, mean: 1 },
      meetingsPerEmployer: { min: 1, max: 2, mean: 1.5 },
      participantsWithoutMeeting: 1,
      choicesMet: { first: 0.5, second: 1, third: 0 },
      rankedMeetings: 2,
      interestMeetings: 1,
    });
  });

  it('ignores meetings of unknown parties and scores an empty schedule as zero', () => {
    const stray = [{ round: 0, employerId: 'Z', participantId: 'a', table: 0 }];
    expect(scoreSchedule(input, stray).total).toBe(0);
    expect(scoreSchedule(input, []).participantsWithoutMeeting).toBe(3);
  });
});
