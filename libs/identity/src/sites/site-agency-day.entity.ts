import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Organisation } from '../organisations/organisation.entity';
import { Site } from './site.entity';
import type { Weekday } from './opening-hours';

/** The weekly calendar: which agency is present at which site on which weekday. */
@Entity({ name: 'site_agency_days' })
@Check('CHK_site_agency_days_weekday', `"weekday" BETWEEN 1 AND 7`)
@Index('UQ_site_agency_days', ['siteId', 'organisationId', 'weekday'], { unique: true })
export class SiteAgencyDay {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => Site, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'FK_site_agency_days_site' })
  site?: Site;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'FK_site_agency_days_organisation',
  })
  organisation?: Organisation;

  @Column({ type: 'smallint' })
  weekday!: Weekday;

  /** Hours of presence ("HH:MM"); null means the site's opening hours. */
  @Column({ type: 'varchar', length: 5, nullable: true })
  starts!: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  ends!: string | null;
}
