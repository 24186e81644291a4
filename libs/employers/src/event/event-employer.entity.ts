import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Employer } from '../employer/employer.entity';
import type { Attendance } from './attendance';
import { RecruitmentEvent } from './recruitment-event.entity';

/** An employer taking part in an event with its tables (interviewers in parallel). */
@Entity({ name: 'event_employers' })
@Index('UQ_event_employers_event_employer', ['eventId', 'employerId'], { unique: true })
@Check('CHK_event_employers_tables', `"tables" BETWEEN 1 AND 20`)
@Check(
  'CHK_event_employers_attendance',
  `"attendance" IN ('registered', 'arrived', 'late', 'no_show')`,
)
export class EventEmployer {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_event_employers' })
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => RecruitmentEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_event_employers_event' })
  event?: RecruitmentEvent;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id', foreignKeyConstraintName: 'FK_event_employers_employer' })
  employer?: Employer;

  @Column({ type: 'smallint', default: 1 })
  tables!: number;

  @Column({ type: 'varchar', length: 10, default: 'registered' })
  attendance!: Attendance;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt!: Date | null;
}
