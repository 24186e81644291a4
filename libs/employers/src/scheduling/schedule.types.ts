// The speed-date scheduler's public shapes. The scheduler is pure: it knows nothing of the
// database, so the events service maps its entities to these and back.

/** One event's scheduling problem. Ids are opaque strings (the events service uses UUIDs). */
export interface SchedulingInput {
  /** Time slots 0..rounds-1 (the event's duration divided by the slot length). */
  rounds: number;
  /** `tables`: meetings an employer holds in parallel in one round. */
  employers: { id: string; tables: number; unavailableRounds?: number[] }[];
  /** `preferences`: employer ids ranked by the young person, best first. */
  participants: { id: string; preferences: string[]; unavailableRounds?: number[] }[];
  /** Employers' stated interest in a participant. */
  interest: { employerId: string; participantId: string }[];
  /** Meetings kept as they are (manual adjustments); the rest is filled around them. */
  fixed?: Meeting[];
}

/** One meeting: `table` is 0..tables-1 of the employer. */
export interface Meeting {
  round: number;
  employerId: string;
  participantId: string;
  table: number;
}

/** Minimum, maximum and mean of a count over a group (0 for all three when it is empty). */
export interface CountSummary {
  min: number;
  max: number;
  mean: number;
}

/**
 * A schedule's score under the objective of `schedule-objective.ts`. `total` is what the
 * generator maximises; the rest explains it to people.
 */
export interface ScheduleScore {
  /** The objective: `fairness + preference`. */
  total: number;
  /** Sum over participants of the concave gain for their number of meetings. */
  fairness: number;
  /** Sum over meetings of the pair's value (rank value plus interest bonus). */
  preference: number;
  meetings: number;
  /** Meetings per participant, over every participant of the input. */
  meetingsPerParticipant: CountSummary;
  /** Meetings per employer, over every employer of the input. */
  meetingsPerEmployer: CountSummary;
  participantsWithoutMeeting: number;
  /**
   * Share (0..1) of participants meeting their 1st, 2nd and 3rd choice, each among the
   * participants who ranked at least that many employers.
   */
  choicesMet: { first: number; second: number; third: number };
  /** Meetings with an employer the participant ranked. */
  rankedMeetings: number;
  /** Meetings where the employer stated interest in the participant. */
  interestMeetings: number;
  /**
   * Set by `generateSchedule` only: an upper bound of `total` over every valid schedule
   * with the same fixed meetings, and whether `total` reaches it (the schedule is then
   * provably optimal).
   */
  upperBound?: number;
  provenOptimal?: boolean;
}

export type ScheduleConflictCode =
  | 'participant_double_booked'
  | 'table_double_booked'
  | 'employer_over_capacity'
  | 'pair_meets_twice'
  | 'round_out_of_range'
  | 'table_out_of_range'
  | 'unknown_employer'
  | 'unknown_participant'
  | 'unavailable';

/** One broken rule of a schedule, naming where it is broken. */
export interface ScheduleConflict {
  code: ScheduleConflictCode;
  round?: number;
  employerId?: string;
  participantId?: string;
  table?: number;
  /** For `unavailable`: whose unavailability the meeting breaks. */
  unavailableParty?: 'participant' | 'employer';
  /** Positions (in the array checked) of the meetings involved, ascending. */
  meetingIndexes?: number[];
}
