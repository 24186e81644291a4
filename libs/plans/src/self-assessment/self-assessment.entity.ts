import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Client } from '@ohjaamo/clients';
import { StaffUser } from '@ohjaamo/identity';

/** Scores by life-area code, each 1-10. */
export type SelfAssessmentScores = Record<string, number>;

/** One self-assessment by the young person; the earliest is the baseline. */
@Entity({ name: 'self_assessments' })
@Index('IDX_self_assessments_client_assessed_on', ['clientId', 'assessedOn'])
export class SelfAssessment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_self_assessments' })
  id!: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @ManyToOne(() => Client, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'FK_self_assessments_client' })
  client?: Client;

  @Column({ name: 'assessed_on', type: 'date' })
  assessedOn!: string;

  @Column({ type: 'jsonb' })
  scores!: SelfAssessmentScores;

  @Column({ name: 'recorded_by_user_id', type: 'uuid' })
  recordedByUserId!: string;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'recorded_by_user_id',
    foreignKeyConstraintName: 'FK_self_assessments_recorded_by',
  })
  recordedByUser?: StaffUser;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
