import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Client } from '@ohjaamo/clients';
import { Organisation, StaffUser } from '@ohjaamo/identity';
import type { OutcomeCategory, OutcomeSource } from './outcome-categories';

/** A transition (siirtymä): where the young person moved on to, and from when. */
@Entity({ name: 'outcomes' })
@Index('IDX_outcomes_client_start_date', ['clientId', 'startDate'])
@Check(
  'CHK_outcomes_category',
  `"category" IN ('employed_open_market', 'wage_subsidy', 'entrepreneur', 'apprenticeship', 'upper_secondary_general', 'vocational', 'higher_education', 'preparatory', 'labour_market_training', 'self_motivated_study', 'work_trial', 'coaching', 'youth_workshop', 'rehabilitative_work', 'rehabilitation', 'activation_plan', 'military_or_civil_service', 'family_leave', 'moved_away', 'lost_contact', 'other')`,
)
@Check('CHK_outcomes_source', `"source" IN ('young_person', 'agency_record', 'employer')`)
@Check('CHK_outcomes_end_after_start', `"end_date" IS NULL OR "end_date" >= "start_date"`)
export class Outcome {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_outcomes' })
  id!: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @ManyToOne(() => Client, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'FK_outcomes_client' })
  client?: Client;

  @Column({ type: 'varchar', length: 40 })
  category!: OutcomeCategory;

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate!: string | null;

  /** Employer or educational institution. */
  @Column({ name: 'employer_or_institution', type: 'varchar', length: 200, nullable: true })
  employerOrInstitution!: string | null;

  /** E.g. wage subsidy or start-up grant, as a short text. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  subsidy!: string | null;

  @Column({ type: 'varchar', length: 20 })
  source!: OutcomeSource;

  @Column({ name: 'recorded_by_user_id', type: 'uuid' })
  recordedByUserId!: string;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_user_id', foreignKeyConstraintName: 'FK_outcomes_recorded_by' })
  recordedByUser?: StaffUser;

  @Column({ name: 'recorded_by_organisation_id', type: 'uuid' })
  recordedByOrganisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'recorded_by_organisation_id',
    foreignKeyConstraintName: 'FK_outcomes_organisation',
  })
  recordedByOrganisation?: Organisation;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
