export * from './schedule.types';
export { findConflicts } from './schedule-conflicts';
export { generateSchedule } from './schedule-generator';
export { scoreSchedule } from './schedule-score';
export {
  FAIRNESS_STEP,
  INTEREST_BONUS,
  rankValue,
  pairValue,
  fairnessGain,
  fairnessOf,
} from './schedule-objective';
export { FixedMeetingsConflictError } from './schedule-errors';
export { MAX_ROUNDS, MAX_TABLES } from './scheduling-problem';
