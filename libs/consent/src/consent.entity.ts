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
import { Organisation, StaffUser } from '@ohjaamo/identity';
import type { ConsentLanguage, ConsentMethod, ConsentStatus } from './consent-status';
import type { RecordSection } from './record-sections';

/**
 * A young person's written consent: which agencies (named organisations or organisation
 * kinds) may see which data categories, for which purpose and period. Never edited once
 * given; a correction is a new consent that replaces this one.
 */
@Entity({ name: 'consents' })
// The access policy looks up a client's given consents on every record read.
@Index('IDX_consents_client_status', ['clientId', 'status'])
@Check(
  'CHK_consents_status',
  `"status" IN ('requested', 'given', 'refused', 'withdrawn', 'expired', 'replaced')`,
)
@Check('CHK_consents_method', `"method" IN ('signed_paper', 'signature_on_screen', 'electronic')`)
@Check('CHK_consents_form_language', `"form_language" IN ('fi', 'sv', 'en')`)
@Check('CHK_consents_period', `"valid_until" >= "valid_from"`)
@Check(
  'CHK_consents_has_agency',
  `cardinality("organisation_ids") + cardinality("organisation_kinds") > 0`,
)
@Check('CHK_consents_has_section', `cardinality("sections") > 0`)
export class Consent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  // Named by string so this lib does not import the client registry (which imports it).
  @ManyToOne('Client', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'FK_consents_client' })
  client?: unknown;

  @Column({ type: 'varchar', length: 20 })
  status!: ConsentStatus;

  @Column({ name: 'organisation_ids', type: 'uuid', array: true, default: () => "'{}'" })
  organisationIds!: string[];

  @Column({ name: 'organisation_kinds', type: 'text', array: true, default: () => "'{}'" })
  organisationKinds!: string[];

  @Column({ type: 'text', array: true })
  sections!: RecordSection[];

  @Column({ type: 'varchar', length: 1000 })
  purpose!: string;

  /** Helsinki calendar days; the consent holds until the end of `validUntil`. */
  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_until', type: 'date' })
  validUntil!: string;

  @Column({ name: 'form_version', type: 'varchar', length: 20 })
  formVersion!: string;

  @Column({ name: 'form_language', type: 'varchar', length: 2 })
  formLanguage!: ConsentLanguage;

  @Column({ type: 'varchar', length: 30 })
  method!: ConsentMethod;

  @Column({ name: 'recorded_by_user_id', type: 'uuid' })
  recordedByUserId!: string;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'recorded_by_user_id',
    foreignKeyConstraintName: 'FK_consents_recorded_by_user',
  })
  recordedByUser?: StaffUser;

  @Column({ name: 'recorded_by_organisation_id', type: 'uuid' })
  recordedByOrganisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'recorded_by_organisation_id',
    foreignKeyConstraintName: 'FK_consents_recorded_by_organisation',
  })
  recordedByOrganisation?: Organisation;

  @Column({ name: 'replaces_consent_id', type: 'uuid', nullable: true })
  replacesConsentId!: string | null;

  @ManyToOne(() => Consent, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'replaces_consent_id', foreignKeyConstraintName: 'FK_consents_replaces' })
  replacesConsent?: Consent;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
