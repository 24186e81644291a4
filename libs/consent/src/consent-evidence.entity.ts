import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Consent } from './consent.entity';

/** A scanned form or a captured signature, kept with its hash so it can be shown unaltered. */
@Entity({ name: 'consent_evidence' })
@Index('IDX_consent_evidence_consent', ['consentId'])
export class ConsentEvidence {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'consent_id', type: 'uuid' })
  consentId!: string;

  @ManyToOne(() => Consent, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'consent_id', foreignKeyConstraintName: 'FK_consent_evidence_consent' })
  consent?: Consent;

  @Column({ name: 'mime_type', type: 'varchar', length: 50 })
  mimeType!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  /** Hex SHA-256 of the content. */
  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  // Never selected by default: lists and views need the hash, not the bytes.
  @Column({ type: 'bytea', select: false })
  content!: Buffer;

  @Column({ name: 'uploaded_by_user_id', type: 'uuid' })
  uploadedByUserId!: string;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;
}
