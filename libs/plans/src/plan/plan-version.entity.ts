import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation, StaffUser } from '@ohjaamo/identity';
import type { PlanSnapshot } from './plan-content';
import { Plan } from './plan.entity';

/** One saved version of a plan, whole, with who saved it and when. Never changed. */
@Entity({ name: 'plan_versions' })
@Index('UQ_plan_versions_plan_version', ['planId', 'version'], { unique: true })
export class PlanVersion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_plan_versions' })
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'FK_plan_versions_plan' })
  plan?: Plan;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  snapshot!: PlanSnapshot;

  @Column({ name: 'saved_by_user_id', type: 'uuid' })
  savedByUserId!: string;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'saved_by_user_id', foreignKeyConstraintName: 'FK_plan_versions_saved_by' })
  savedByUser?: StaffUser;

  @Column({ name: 'saved_by_organisation_id', type: 'uuid' })
  savedByOrganisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'saved_by_organisation_id',
    foreignKeyConstraintName: 'FK_plan_versions_organisation',
  })
  savedByOrganisation?: Organisation;

  @Column({ name: 'saved_at', type: 'timestamptz', default: () => 'now()' })
  savedAt!: Date;
}
