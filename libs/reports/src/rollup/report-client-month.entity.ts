import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One young person who visited one site in one Helsinki month, with the attributes the
 * report counts by. Unique young people of a region or the deployment are counted
 * distinct from these rows (they do not add up over sites).
 */
@Entity({ name: 'report_client_months' })
export class ReportClientMonth {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'PK_report_client_months' })
  month!: string;

  @PrimaryColumn({
    name: 'site_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_report_client_months',
  })
  siteId!: string;

  @PrimaryColumn({
    name: 'client_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_report_client_months',
  })
  clientId!: string;

  /** Age at the month's last day: 15_17, 18_24, 25_29 or other (incl. unknown). */
  @Column({ name: 'age_band', type: 'varchar', length: 10 })
  ageBand!: string;

  /** female, male, other or not_stated. */
  @Column({ type: 'varchar', length: 12 })
  gender!: string;

  /** fi, sv, en or other. */
  @Column({ type: 'varchar', length: 8 })
  language!: string;
}
