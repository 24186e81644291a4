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
import type { AgeBand, Gender, VisitChannel } from './visit-vocabulary';

/**
 * One encounter with a young person: at the desk, by phone, in a chat, on outreach or in a
 * group. A visit without a client is anonymous and keeps only statistics (age or age band,
 * gender if told, language, municipality). The rules live in visit-rules.ts; the checks
 * here are the database's second line.
 */
@Entity({ name: 'visits' })
// Today's visits of a site, and every site report by month, read this index.
@Index('IDX_visits_site_started_at', ['siteId', 'startedAt'], { where: '"undone_at" IS NULL' })
// The monthly report rollup reads one month of every site's visits.
@Index('IDX_visits_started_at', ['startedAt'], { where: '"undone_at" IS NULL' })
@Index('IDX_visits_client_started_at', ['clientId', 'startedAt'], {
  where: '"client_id" IS NOT NULL',
})
// A double submit of the same form carries the same key and finds the first visit.
@Index('UQ_visits_logged_by_user_idempotency_key', ['loggedByUserId', 'idempotencyKey'], {
  unique: true,
})
@Check(
  'CHK_visits_channel',
  `"channel" IN ('walk_in', 'appointment', 'phone', 'chat', 'outreach', 'group')`,
)
@Check('CHK_visits_age', `"age" BETWEEN 10 AND 40`)
@Check('CHK_visits_age_band', `"age_band" IN ('under_15', '15_17', '18_24', '25_29', '30_plus')`)
@Check('CHK_visits_gender', `"gender" IN ('female', 'male', 'other', 'not_told')`)
@Check('CHK_visits_duration_minutes', `"duration_minutes" BETWEEN 0 AND 720`)
@Check('CHK_visits_note_length', `char_length("note") <= 500`)
export class Visit {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_visits' })
  id!: string;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => Site, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'FK_visits_site' })
  site?: Site;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'varchar', length: 20 })
  channel!: VisitChannel;

  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  clientId!: string | null;

  // Removing a client (anonymisation) keeps the visit as anonymous statistics.
  @ManyToOne(() => Client, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'FK_visits_client' })
  client?: Client;

  @Column({ type: 'smallint', nullable: true })
  age!: number | null;

  /** Always set when the age is known, so reports group every visit the same way. */
  @Column({ name: 'age_band', type: 'varchar', length: 10, nullable: true })
  ageBand!: AgeBand | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  gender!: Gender | null;

  /** ISO 639-1 code of the language the visit was held in or the visitor's own. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  language!: string | null;

  /** Municipality of residence. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  municipality!: string | null;

  @Column({ name: 'first_visit', type: 'boolean', default: false })
  firstVisit!: boolean;

  /** Codes of visit_topics (checked by the service; arrays cannot carry foreign keys). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  topics!: string[];

  /** Organisations (agencies) that took part. */
  @Column({ name: 'agency_ids', type: 'uuid', array: true, default: () => "'{}'" })
  agencyIds!: string[];

  /** Staff users who took part. */
  @Column({ name: 'professional_ids', type: 'uuid', array: true, default: () => "'{}'" })
  professionalIds!: string[];

  /** Short labels of services given ("CV help", "Kela application"), at most 100 characters each. */
  @Column({ name: 'services_given', type: 'text', array: true, default: () => "'{}'" })
  servicesGiven!: string[];

  @Column({ name: 'referral_organisation_id', type: 'uuid', nullable: true })
  referralOrganisationId!: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'referral_organisation_id',
    foreignKeyConstraintName: 'FK_visits_referral_organisation',
  })
  referralOrganisation?: Organisation;

  @Column({ name: 'referral_note', type: 'varchar', length: 200, nullable: true })
  referralNote!: string | null;

  @Column({ name: 'duration_minutes', type: 'smallint', nullable: true })
  durationMinutes!: number | null;

  /** A short, non-sensitive note; case notes belong in the client record. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ name: 'logged_by_user_id', type: 'uuid' })
  loggedByUserId!: string;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'logged_by_user_id', foreignKeyConstraintName: 'FK_visits_logged_by_user' })
  loggedByUser?: StaffUser;

  @Column({ name: 'logged_by_organisation_id', type: 'uuid' })
  loggedByOrganisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'logged_by_organisation_id',
    foreignKeyConstraintName: 'FK_visits_logged_by_organisation',
  })
  loggedByOrganisation?: Organisation;

  @Column({ name: 'idempotency_key', type: 'uuid' })
  idempotencyKey!: string;

  /** Set when the person who logged the visit took it back; such visits count nowhere. */
  @Column({ name: 'undone_at', type: 'timestamptz', nullable: true })
  undoneAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
