import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One additive figure of one site and one Helsinki month, kept by the worker's rollup
 * (e.g. metric "visits.channel", dimension "walk_in"). A region or the whole deployment
 * is the sum over its sites. `site_id` is null for client events of young people who
 * have never visited a site: they count only in the deployment's report.
 */
@Entity({ name: 'report_cells' })
@Index('IDX_report_cells_month_site', ['month', 'siteId'])
export class ReportCell {
  @PrimaryGeneratedColumn('increment', {
    type: 'bigint',
    primaryKeyConstraintName: 'PK_report_cells',
  })
  id!: string;

  /** First day of the Helsinki month. */
  @Column({ type: 'date' })
  month!: string;

  @Column({ name: 'site_id', type: 'uuid', nullable: true })
  siteId!: string | null;

  @Column({ type: 'varchar', length: 40 })
  metric!: string;

  @Column({ type: 'varchar', length: 60, default: '' })
  dimension!: string;

  @Column({ type: 'bigint' })
  value!: string;
}
