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
} from 'typeorm';
import { Organisation } from '../organisations/organisation.entity';
import type { Language } from '@ohjaamo/platform';
import type { Role } from './role';

/** A member of staff. Belongs to exactly one organisation and works at one or more sites. */
@Entity({ name: 'staff_users' })
@Index('UQ_staff_users_email', { synchronize: false })
@Check(
  'CHK_staff_users_roles',
  `"roles" <@ ARRAY['front_desk', 'adviser', 'coordinator', 'admin']::text[]`,
)
@Check('CHK_staff_users_language', `"language" IN ('fi', 'sv', 'en')`)
export class StaffUser {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'FK_staff_users_organisation' })
  organisation?: Organisation;

  /** Stored lower-case; unique (index on lower(email) in the migration). */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles!: Role[];

  @Column({ type: 'varchar', length: 2, default: 'fi' })
  language!: Language;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;

  /** TOTP secret, encrypted with the data encryption key. */
  @Column({ name: 'totp_secret', type: 'text', nullable: true })
  totpSecret!: string | null;

  @Column({ name: 'totp_enabled_at', type: 'timestamptz', nullable: true })
  totpEnabledAt!: Date | null;

  /** Last accepted TOTP time step; a code from this step or earlier is refused (replay). */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true })
  totpLastStep!: string | null;

  /** Consecutive failed sign-ins; reset on success. Drives the account lockout. */
  @Column({ name: 'failed_sign_ins', type: 'integer', default: 0 })
  failedSignIns!: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
