import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { StaffUser } from '@ohjaamo/identity';
import { EventEmployer } from './event-employer.entity';
import { EventRegistration } from './event-registration.entity';

/** The 1- and 3-month follow-up of a participant: hired by a participating employer? */
@Entity({ name: 'event_follow_ups' })
@Index('UQ_event_follow_ups_registration_months', ['registrationId', 'months'], { unique: true })
@Check('CHK_event_follow_ups_months', `"months" IN (1, 3)`)
@Check(
  'CHK_event_follow_ups_hired',
  `("hired" = false AND "event_employer_id" IS NULL AND "hired_on" IS NULL) OR ("hired" = true AND "event_employer_id" IS NOT NULL AND "hired_on" IS NOT NULL)`,
)
export class EventFollowUp {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_event_follow_ups' })
  id!: string;

  @Column({ name: 'registration_id', type: 'uuid' })
  registrationId!: string;

  @ManyToOne(() => EventRegistration, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'registration_id',
    foreignKeyConstraintName: 'FK_event_follow_ups_registration',
  })
  registration?: EventRegistration;

  @Column({ type: 'smallint' })
  months!: number;

  @Column({ type: 'boolean' })
  hired!: boolean;

  /** Which participating employer hired the young person. */
  @Column({ name: 'event_employer_id', type: 'uuid', nullable: true })
  eventEmployerId!: string | null;

  @ManyToOne(() => EventEmployer, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'event_employer_id',
    foreignKeyConstraintName: 'FK_event_follow_ups_event_employer',
  })
  eventEmployer?: EventEmployer;

  @Column({ name: 'hired_on', type: 'date', nullable: true })
  hiredOn!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ name: 'recorded_by_user_id', type: 'uuid' })
  recordedByUserId!: string;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'recorded_by_user_id',
    foreignKeyConstraintName: 'FK_event_follow_ups_recorded_by',
  })
  recordedByUser?: StaffUser;
}
