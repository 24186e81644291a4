import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { EventEmployer } from './event-employer.entity';
import { EventRegistration } from './event-registration.entity';
import type { MeetingOutcome } from './meeting-outcomes';
import { RecruitmentEvent } from './recruitment-event.entity';

/**
 * One meeting of the timetable: a young person at an employer's table in one round.
 * The unique indexes are the last line against double booking; the scheduler's conflict
 * check is the first.
 */
@Entity({ name: 'event_meetings' })
@Index('UQ_event_meetings_table', ['eventId', 'round', 'eventEmployerId', 'table'], {
  unique: true,
})
@Index('UQ_event_meetings_participant', ['eventId', 'round', 'registrationId'], { unique: true })
@Index('IDX_event_meetings_registration', ['registrationId'])
@Check('CHK_event_meetings_round', `"round" >= 1`)
@Check('CHK_event_meetings_table', `"table" >= 1`)
@Check(
  'CHK_event_meetings_outcome',
  `"outcome" IS NULL OR "outcome" IN ('no_further_interest', 'second_interview', 'work_trial_offered', 'job_offered', 'hired', 'apprenticeship')`,
)
export class EventMeeting {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_event_meetings' })
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => RecruitmentEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_event_meetings_event' })
  event?: RecruitmentEvent;

  @Column({ type: 'smallint' })
  round!: number;

  @Column({ name: 'event_employer_id', type: 'uuid' })
  eventEmployerId!: string;

  @ManyToOne(() => EventEmployer, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'event_employer_id',
    foreignKeyConstraintName: 'FK_event_meetings_event_employer',
  })
  eventEmployer?: EventEmployer;

  @Column({ name: 'registration_id', type: 'uuid' })
  registrationId!: string;

  @ManyToOne(() => EventRegistration, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'registration_id',
    foreignKeyConstraintName: 'FK_event_meetings_registration',
  })
  registration?: EventRegistration;

  @Column({ type: 'smallint' })
  table!: number;

  /** Set or moved by hand: a regeneration that keeps fixed meetings keeps this one. */
  @Column({ type: 'boolean', default: false })
  fixed!: boolean;

  @Column({ type: 'varchar', length: 30, nullable: true })
  outcome!: MeetingOutcome | null;

  /** The young person left an open application with this employer. */
  @Column({ name: 'open_application_left', type: 'boolean', default: false })
  openApplicationLeft!: boolean;

  @Column({ name: 'outcome_recorded_at', type: 'timestamptz', nullable: true })
  outcomeRecordedAt!: Date | null;
}
