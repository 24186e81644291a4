import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Organisation, StaffUser } from '@ohjaamo/identity';
import type { RecordSection } from '@ohjaamo/consent';
import { Client } from '../client.entity';

/**
 * One version of an entry in a section of a client's record. A correction adds a new row
 * with the same `entryId` and the next version and closes the previous one; a deletion
 * marks the current row with a reason. Nothing is ever lost.
 */
@Entity({ name: 'client_record_entries' })
@Index('UQ_client_record_entries_entry_version', ['entryId', 'version'], { unique: true })
// The read path: a client's current entries by section.
@Index('IDX_client_record_entries_client_section', ['clientId', 'section'], {
  where: '"superseded_at" IS NULL AND "deleted_at" IS NULL',
})
@Check(
  'CHK_client_record_entries_section',
  `"section" IN ('basic', 'situation', 'plan', 'agency_notes', 'benefits', 'employment', 'health_social', 'contacts')`,
)
@Check('CHK_client_record_entries_body_length', `char_length("body") <= 10000`)
@Check(
  'CHK_client_record_entries_deleted_reason',
  `("deleted_at" IS NULL) = ("deleted_reason" IS NULL)`,
)
export class RecordEntry {
  /** The id of this version. */
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The entry across its versions: what URLs and callers name. */
  @Column({ name: 'entry_id', type: 'uuid' })
  entryId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @ManyToOne(() => Client, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'FK_client_record_entries_client' })
  client?: Client;

  @Column({ type: 'varchar', length: 30 })
  section!: RecordSection;

  @Column({ name: 'recorded_by_organisation_id', type: 'uuid' })
  recordedByOrganisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'recorded_by_organisation_id',
    foreignKeyConstraintName: 'FK_client_record_entries_organisation',
  })
  recordedByOrganisation?: Organisation;

  @Column({ name: 'recorded_by_user_id', type: 'uuid' })
  recordedByUserId!: string;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'recorded_by_user_id',
    foreignKeyConstraintName: 'FK_client_record_entries_user',
  })
  recordedByUser?: StaffUser;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  /** Set when a newer version replaced this one. */
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @Column({ name: 'deleted_reason', type: 'varchar', length: 500, nullable: true })
  deletedReason!: string | null;

  @Column({ name: 'deleted_by_user_id', type: 'uuid', nullable: true })
  deletedByUserId!: string | null;
}
