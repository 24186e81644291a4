import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A Helsinki month whose rollup exists; final once the month is over and rebuilt. */
@Entity({ name: 'report_months' })
export class ReportMonth {
  /** First day of the month. */
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'PK_report_months' })
  month!: string;

  @Column({ name: 'built_at', type: 'timestamptz' })
  builtAt!: Date;

  /** When the monthly job built it after the month ended and told the coordinators. */
  @Column({ name: 'finalised_at', type: 'timestamptz', nullable: true })
  finalisedAt!: Date | null;
}
