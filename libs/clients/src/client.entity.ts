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
import { Organisation, StaffUser } from '@ohjaamo/identity';
import type { ClientGender, ClientStatus, ContactMethod, EndReason } from './client-status';

/**
 * A young person in the registry. The personal identity code is stored encrypted and
 * found through a keyed hash (blind index); it never appears in logs or URLs. With a
 * non-disclosure order (turvakielto) no address is stored.
 */
@Entity({ name: 'clients' })
@Index('UQ_clients_identity_code_hash', ['identityCodeHash'], {
  unique: true,
  where: '"identity_code_hash" IS NOT NULL',
})
@Index('IDX_clients_last_name', { synchronize: false })
@Index('IDX_clients_birth_date', ['birthDate'])
@Index('IDX_clients_phone_digits', ['phoneDigits'])
// reverse(phone_digits) text_pattern_ops: the desk finds a number by its last digits.
@Index('IDX_clients_phone_digits_reversed', { synchronize: false })
@Check(
  'CHK_clients_no_address_when_protected',
  `NOT "non_disclosure" OR ("street_address" IS NULL AND "postal_code" IS NULL AND "post_office" IS NULL)`,
)
@Check('CHK_clients_status', `"status" IN ('active', 'ended')`)
@Check('CHK_clients_gender', `"gender" IN ('female', 'male', 'other', 'not_stated')`)
export class Client {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'first_name', type: 'varchar', length: 100 })
  firstName!: string;

  @Column({ name: 'last_name', type: 'varchar', length: 100 })
  lastName!: string;

  /** Folded first name (rules/name-key.ts): compared when looking for likely duplicates. */
  @Column({ name: 'first_name_key', type: 'varchar', length: 100 })
  firstNameKey!: string;

  /** Folded last name (rules/name-key.ts): compared when looking for likely duplicates. */
  @Column({ name: 'last_name_key', type: 'varchar', length: 100 })
  lastNameKey!: string;

  /** AES-GCM ciphertext of the identity code (FieldEncryption). */
  @Column({ name: 'identity_code_encrypted', type: 'text', nullable: true })
  identityCodeEncrypted!: string | null;

  /** Keyed hash of the normalised identity code, for exact look-up. */
  @Column({ name: 'identity_code_hash', type: 'char', length: 64, nullable: true })
  identityCodeHash!: string | null;

  @Column({ name: 'birth_date', type: 'date', nullable: true })
  birthDate!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone!: string | null;

  /** Digits of the phone number in international form, for search ("358401234567"). */
  @Column({ name: 'phone_digits', type: 'varchar', length: 20, nullable: true })
  phoneDigits!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ name: 'preferred_contact', type: 'varchar', length: 20, nullable: true })
  preferredContact!: ContactMethod | null;

  /** ISO 639-1 code of the young person's language (fi, sv, en, so, ar ...). */
  @Column({ type: 'varchar', length: 8, nullable: true })
  language!: string | null;

  /** Optional, for the monthly statistics: female, male, other or not_stated. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  gender!: ClientGender | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  municipality!: string | null;

  /** Non-disclosure order (turvakielto): no address may be stored or shown. */
  @Column({ name: 'non_disclosure', type: 'boolean', default: false })
  nonDisclosure!: boolean;

  @Column({ name: 'street_address', type: 'varchar', length: 200, nullable: true })
  streetAddress!: string | null;

  @Column({ name: 'postal_code', type: 'varchar', length: 10, nullable: true })
  postalCode!: string | null;

  @Column({ name: 'post_office', type: 'varchar', length: 100, nullable: true })
  postOffice!: string | null;

  @Column({ name: 'responsible_worker_id', type: 'uuid', nullable: true })
  responsibleWorkerId!: string | null;

  @ManyToOne(() => StaffUser, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'responsible_worker_id',
    foreignKeyConstraintName: 'FK_clients_responsible_worker',
  })
  responsibleWorker?: StaffUser;

  @Column({ type: 'varchar', length: 10, default: 'active' })
  status!: ClientStatus;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ name: 'end_reason', type: 'varchar', length: 20, nullable: true })
  endReason!: EndReason | null;

  /** The organisation that created the record (it "recorded it itself"). */
  @Column({ name: 'created_by_organisation_id', type: 'uuid' })
  createdByOrganisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'created_by_organisation_id',
    foreignKeyConstraintName: 'FK_clients_created_by_organisation',
  })
  createdByOrganisation?: Organisation;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  /** Set when the client was anonymised on request or by retention. */
  @Column({ name: 'anonymised_at', type: 'timestamptz', nullable: true })
  anonymisedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
