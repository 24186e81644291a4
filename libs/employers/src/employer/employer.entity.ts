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
import { StaffUser } from '@ohjaamo/identity';

/** A company the Ohjaamo works with, identified by its business ID (Y-tunnus). */
@Entity({ name: 'employers' })
@Index('UQ_employers_business_id', ['businessId'], { unique: true })
@Index('IDX_employers_name', ['name'])
@Check(
  'CHK_employers_consent_date',
  `("consent_to_contact" = false) OR ("consent_date" IS NOT NULL)`,
)
export class Employer {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_employers' })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** "1234567-8", check digit verified (business-id.ts). */
  @Column({ name: 'business_id', type: 'char', length: 9 })
  businessId!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  industry!: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  notes!: string | null;

  /** The employer agreed to be contacted about young people and events. */
  @Column({ name: 'consent_to_contact', type: 'boolean', default: false })
  consentToContact!: boolean;

  @Column({ name: 'consent_date', type: 'date', nullable: true })
  consentDate!: string | null;

  @Column({ name: 'created_by_user_id', type: 'uuid' })
  createdByUserId!: string;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_user_id', foreignKeyConstraintName: 'FK_employers_created_by' })
  createdByUser?: StaffUser;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Optimistic locking: an update names the version it was made on. */
  @VersionColumn()
  version!: number;
}
