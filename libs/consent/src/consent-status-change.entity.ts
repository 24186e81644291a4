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
import type { ConsentStatus } from './consent-status';

/** One step of a consent's status history: the demonstration GDPR Art. 7(1) asks for. */
@Entity({ name: 'consent_status_history' })
@Index('IDX_consent_status_history_consent', ['consentId', 'at'])
export class ConsentStatusChange {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'consent_id', type: 'uuid' })
  consentId!: string;

  @ManyToOne(() => Consent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consent_id', foreignKeyConstraintName: 'FK_consent_status_history_consent' })
  consent?: Consent;

  /** Null for the first step (the consent being recorded). */
  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus!: ConsentStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 20 })
  toStatus!: ConsentStatus;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at!: Date;

  /** Null when the system itself made the change (expiry). */
  @Column({ name: 'by_user_id', type: 'uuid', nullable: true })
  byUserId!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;
}
