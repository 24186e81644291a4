import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Site } from '../sites/site.entity';
import { StaffUser } from './staff-user.entity';

/** The sites a staff user works at. */
@Entity({ name: 'staff_user_sites' })
export class StaffUserSite {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_staff_user_sites_user' })
  user?: StaffUser;

  @PrimaryColumn({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => Site, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'FK_staff_user_sites_site' })
  site?: Site;
}
