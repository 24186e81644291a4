import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Client } from '@ohjaamo/clients';
import { StaffUser } from '@ohjaamo/identity';
import type { PlanContent, PlanType } from './plan-content';

/**
 * A client's one shared plan, as it stands now. Every save raises `version` (optimistic
 * locking) and leaves a full copy in plan_versions.
 */
@Entity({ name: 'plans' })
@Index('UQ_plans_client', ['clientId'], { unique: true })
@Check(
  'CHK_plans_type',
  `"type" IN ('shared_service_plan', 'activation_plan', 'employment_plan', 'welfare_plan')`,
)
@Check('CHK_plans_review_after_start', `"review_date" IS NULL OR "review_date" >= "start_date"`)
export class Plan {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_plans' })
  id!: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @ManyToOne(() => Client, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'FK_plans_client' })
  client?: Client;

  @Column({ type: 'varchar', length: 30 })
  type!: PlanType;

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'review_date', type: 'date', nullable: true })
  reviewDate!: string | null;

  /** Goals, actions, the concern, participants: the parts that are lists and free text. */
  @Column({ type: 'jsonb' })
  content!: PlanContent;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'updated_by_user_id', type: 'uuid' })
  updatedByUserId!: string;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'updated_by_user_id', foreignKeyConstraintName: 'FK_plans_updated_by' })
  updatedByUser?: StaffUser;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
