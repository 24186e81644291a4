import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A young person's home site: where their first visit was. Client events without a site
 * of their own (new client, consent, plan, outcome) are reported under it. Refreshed by
 * the rollup for every client who visits in the month being built.
 */
@Entity({ name: 'report_client_sites' })
export class ReportClientSite {
  @PrimaryColumn({
    name: 'client_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_report_client_sites',
  })
  clientId!: string;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @Column({ name: 'first_visit_at', type: 'timestamptz' })
  firstVisitAt!: Date;
}
