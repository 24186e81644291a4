import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Employer } from './employer.entity';
import type { VacancyKind } from './vacancy-kinds';

/** A job or another opportunity an employer offers (hidden jobs included). */
@Entity({ name: 'vacancies' })
@Index('IDX_vacancies_employer', ['employerId', 'opensOn'])
@Check(
  'CHK_vacancies_kind',
  `"kind" IN ('job', 'summer_job', 'work_trial', 'wage_subsidy', 'apprenticeship', 'hidden_job')`,
)
@Check('CHK_vacancies_close_after_open', `"closes_on" IS NULL OR "closes_on" >= "opens_on"`)
export class Vacancy {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_vacancies' })
  id!: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @ManyToOne(() => Employer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employer_id', foreignKeyConstraintName: 'FK_vacancies_employer' })
  employer?: Employer;

  @Column({ type: 'varchar', length: 20 })
  kind!: VacancyKind;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ name: 'opens_on', type: 'date' })
  opensOn!: string;

  @Column({ name: 'closes_on', type: 'date', nullable: true })
  closesOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
