import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A job waiting to reach the queue. Written in the same transaction as the change that
 * needs it, so Redis being down never loses work: the relay moves rows on later.
 */
@Entity({ name: 'outbox' })
// The relay's scan: rows not yet relayed, oldest due first.
@Index('IDX_outbox_pending', ['availableAt'], { where: '"relayed_at" IS NULL' })
@Index('UQ_outbox_dedupe_key', ['dedupeKey'], { unique: true })
export class OutboxEntry {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_outbox' })
  id!: string;

  @Column({ name: 'job_name', type: 'varchar', length: 100 })
  jobName!: string;

  /** Ids only, never personal data. */
  @Column({ type: 'jsonb' })
  payload!: Record<string, string>;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 300 })
  dedupeKey!: string;

  @Column({ name: 'available_at', type: 'timestamptz', default: () => 'now()' })
  availableAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'relayed_at', type: 'timestamptz', nullable: true })
  relayedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** The queue's error message only; never a payload. */
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;
}
