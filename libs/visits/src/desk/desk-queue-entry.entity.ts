import { Client } from '@ohjaamo/clients';
import { Organisation, Site, StaffUser } from '@ohjaamo/identity';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Visit } from '../visits/visit.entity';
import type { QueueStatus } from './queue-status';

/**
 * One visitor in a site's desk queue. The board shows only the queue number; the optional
 * links to a visit and a client are for the professional who takes the visitor in.
 * `wait_seconds` (arrival to being called, or to leaving) is stored for the reports.
 */
@Entity({ name: 'desk_queue_entries' })
@Index('UQ_desk_queue_entries_site_day_number', ['siteId', 'queueDay', 'queueNumber'], {
  unique: true,
})
// The board reads only the entries still in the building.
@Index('IDX_desk_queue_entries_open', ['siteId', 'queueDay'], {
  where: `"status" IN ('arrived', 'waiting', 'with_professional')`,
})
@Check(
  'CHK_desk_queue_entries_status',
  `"status" IN ('arrived', 'waiting', 'with_professional', 'done', 'left_unserved')`,
)
@Check('CHK_desk_queue_entries_wait_seconds', `"wait_seconds" >= 0`)
export class DeskQueueEntry {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_desk_queue_entries' })
  id!: string;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => Site, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'FK_desk_queue_entries_site' })
  site?: Site;

  /** The Helsinki calendar day of arrival; queue numbers start from 1 each day. */
  @Column({ name: 'queue_day', type: 'date' })
  queueDay!: string;

  @Column({ name: 'queue_number', type: 'integer' })
  queueNumber!: number;

  @Column({ type: 'varchar', length: 20, default: 'arrived' })
  status!: QueueStatus;

  @Column({ name: 'visit_id', type: 'uuid', nullable: true })
  visitId!: string | null;

  @ManyToOne(() => Visit, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'visit_id', foreignKeyConstraintName: 'FK_desk_queue_entries_visit' })
  visit?: Visit;

  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  clientId!: string | null;

  @ManyToOne(() => Client, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'FK_desk_queue_entries_client' })
  client?: Client;

  /** The agency the visitor waits for, when the desk knows it. */
  @Column({ name: 'requested_organisation_id', type: 'uuid', nullable: true })
  requestedOrganisationId!: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'requested_organisation_id',
    foreignKeyConstraintName: 'FK_desk_queue_entries_requested_organisation',
  })
  requestedOrganisation?: Organisation;

  /** The agency that took the visitor in. */
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId!: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'FK_desk_queue_entries_organisation',
  })
  organisation?: Organisation;

  @Column({ name: 'staff_user_id', type: 'uuid', nullable: true })
  staffUserId!: string | null;

  @ManyToOne(() => StaffUser, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'staff_user_id',
    foreignKeyConstraintName: 'FK_desk_queue_entries_staff_user',
  })
  staffUser?: StaffUser;

  @Column({ name: 'arrived_by_user_id', type: 'uuid' })
  arrivedByUserId!: string;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'arrived_by_user_id',
    foreignKeyConstraintName: 'FK_desk_queue_entries_arrived_by_user',
  })
  arrivedByUser?: StaffUser;

  // Transition times come from the database clock, so several api processes agree.
  @Column({ name: 'arrived_at', type: 'timestamptz', default: () => 'now()' })
  arrivedAt!: Date;

  @Column({ name: 'waiting_at', type: 'timestamptz', nullable: true })
  waitingAt!: Date | null;

  @Column({ name: 'called_at', type: 'timestamptz', nullable: true })
  calledAt!: Date | null;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt!: Date | null;

  @Column({ name: 'left_at', type: 'timestamptz', nullable: true })
  leftAt!: Date | null;

  /** Seconds from arrival until called (or until leaving unserved). */
  @Column({ name: 'wait_seconds', type: 'integer', nullable: true })
  waitSeconds!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
