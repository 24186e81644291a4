import { DomainError } from '@ohjaamo/platform';
import type { ScheduleConflict } from './schedule.types';

/** The fixed meetings given to `generateSchedule` break rules, so nothing can be built on them. */
export class FixedMeetingsConflictError extends DomainError {
  constructor(readonly conflicts: ScheduleConflict[]) {
    super('conflict', 'schedule_fixed_meetings_conflict');
    this.name = 'FixedMeetingsConflictError';
  }
}
