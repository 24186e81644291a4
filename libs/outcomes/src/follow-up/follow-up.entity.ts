import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Client } from '@ohjaamo/clients';
import { StaffUser } from '@ohjaamo/identity';
import { Outcome } from '../outcome/outcome.entity';

/**
 * A point at which staff check whether an outcome still holds (3, 6, 12 months after it
 * started). Open until recorded; an open one is a task for the responsible worker.
 */
@Entity({ name: 'follow_ups' })
@Index('UQ_follow_ups_outcome_months', ['outcomeId', 'months'], { unique: true })
// The task list: open follow-ups by due date.
@Index('IDX_follow_ups_open_due_on', ['dueOn'], { where: '"recorded_at" IS NULL' })
@Check('CHK_follow_ups_months', `"months" BETWEEN 1 AND 60`)
@Check(
  'CHK_follow_ups_recorded',
  `("recorded_at" IS NULL) = ("still_holds" IS NULL) AND ("recorded_at" IS NULL) = ("recorded_by_user_id" IS NULL)`,
)
export class FollowUp {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_follow_ups' })
  id!: string;

  @Column({ name: 'outcome_id', type: 'uuid' })
  outcomeId!: string;

  @ManyToOne(() => Outcome, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'outcome_id', foreignKeyConstraintName: 'FK_follow_ups_outcome' })
  outcome?: Outcome;

  /** Kept here too so access checks and task lists need no join. */
  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @ManyToOne(() => Client, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'FK_follow_ups_client' })
  client?: Client;

  @Column({ type: 'smallint' })
  months!: number;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ name: 'still_holds', type: 'boolean', nullable: true })
  stillHolds!: boolean | null;

  /** When the outcome no longer holds: what the situation is now. */
  @Column({ name: 'new_situation', type: 'varchar', length: 1000, nullable: true })
  newSituation!: string | null;

  @Column({ name: 'new_outcome_id', type: 'uuid', nullable: true })
  newOutcomeId!: string | null;

  @ManyToOne(() => Outcome, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'new_outcome_id', foreignKeyConstraintName: 'FK_follow_ups_new_outcome' })
  newOutcome?: Outcome;

  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true })
  recordedAt!: Date | null;

  @Column({ name: 'recorded_by_user_id', type: 'uuid', nullable: true })
  recordedByUserId!: string | null;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'recorded_by_user_id',
    foreignKeyConstraintName: 'FK_follow_ups_recorded_by',
  })
  recordedByUser?: StaffUser;
}
