import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import { Site, StaffUser } from '@ohjaamo/identity';

export type EventStatus = 'planned' | 'cancelled';

/** What the scheduler reported about the stored timetable (shown with it). */
export interface StoredScheduleScore {
  [key: string]: unknown;
}

/**
 * A speed-date recruitment event (työnantajatreffit): employers at tables, young people
 * rotating every slot. `version` guards the timetable: every change to it bumps the
 * version, so two users editing at once cannot overwrite each other.
 */
@Entity({ name: 'recruitment_events' })
@Index('IDX_recruitment_events_site_starts', ['siteId', 'startsAt'])
@Check('CHK_recruitment_events_end_after_start', `"ends_at" > "starts_at"`)
@Check('CHK_recruitment_events_slot', `"slot_minutes" BETWEEN 5 AND 120`)
@Check('CHK_recruitment_events_rounds', `"rounds" BETWEEN 1 AND 100`)
@Check('CHK_recruitment_events_capacity', `"capacity" BETWEEN 1 AND 2000`)
@Check('CHK_recruitment_events_status', `"status" IN ('planned', 'cancelled')`)
@Check(
  'CHK_recruitment_events_cancelled',
  `("status" = 'cancelled') = ("cancelled_at" IS NOT NULL AND "cancellation_reason" IS NOT NULL)`,
)
export class RecruitmentEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_recruitment_events' })
  id!: string;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => Site, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'FK_recruitment_events_site' })
  site?: Site;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /** Theme or industry the employers are invited by. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  theme!: string | null;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ name: 'slot_minutes', type: 'smallint', default: 15 })
  slotMinutes!: number;

  /** Duration / slot length. */
  @Column({ type: 'smallint' })
  rounds!: number;

  /** The most young people who may register. */
  @Column({ type: 'smallint' })
  capacity!: number;

  @Column({ name: 'schedule_score', type: 'jsonb', nullable: true })
  scheduleScore!: StoredScheduleScore | null;

  @Column({ name: 'scheduled_at', type: 'timestamptz', nullable: true })
  scheduledAt!: Date | null;

  /** A cancelled event stays for the record; nothing more is sent or scheduled for it. */
  @Column({ type: 'varchar', length: 20, default: 'planned' })
  status!: EventStatus;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'cancellation_reason', type: 'varchar', length: 500, nullable: true })
  cancellationReason!: string | null;

  @Column({ name: 'created_by_user_id', type: 'uuid' })
  createdByUserId!: string;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'created_by_user_id',
    foreignKeyConstraintName: 'FK_recruitment_events_created_by',
  })
  createdByUser?: StaffUser;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @VersionColumn()
  version!: number;
}
