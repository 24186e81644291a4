/** What came of one meeting at the table. */
export const MEETING_OUTCOMES = [
  'no_further_interest',
  'second_interview',
  'work_trial_offered',
  'job_offered',
  'hired',
  'apprenticeship',
] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];
