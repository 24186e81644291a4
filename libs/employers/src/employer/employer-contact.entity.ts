import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Employer } from './employer.entity';

/** A contact person of an employer; receives event reminders by e-mail in their language. */
@Entity({ name: 'employer_contacts' })
@Index('IDX_employer_contacts_employer', ['employerId', 'position'])
@Check('CHK_employer_contacts_language', `"language" IN ('fi', 'sv', 'en')`)
export class EmployerContact {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_employer_contacts' })
  id!: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @ManyToOne(() => Employer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employer_id', foreignKeyConstraintName: 'FK_employer_contacts_employer' })
  employer?: Employer;

  /** Order on the employer's page. */
  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 2, default: 'fi' })
  language!: string;
}
