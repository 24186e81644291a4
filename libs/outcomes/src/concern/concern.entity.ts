import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Client } from '@ohjaamo/clients';
import { Organisation, Site, StaffUser } from '@ohjaamo/identity';

/** A concern an adviser flags about a client, to be reacted to by `reactBy`. */
@Entity({ name: 'concerns' })
@Index('IDX_concerns_client', ['clientId'])
// The coordinator's overdue count: unresolved concerns by deadline.
@Index('IDX_concerns_open_react_by', ['reactBy'], { where: '"resolved_at" IS NULL' })
@Check('CHK_concerns_react_after_raise', `"react_by" > "raised_at"`)
@Check('CHK_concerns_resolved', `("resolved_at" IS NULL) = ("resolved_by_user_id" IS NULL)`)
export class Concern {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_concerns' })
  id!: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @ManyToOne(() => Client, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'FK_concerns_client' })
  client?: Client;

  @Column({ type: 'varchar', length: 1000 })
  description!: string;

  /** The site whose coordinator sees the concern when it is overdue. */
  @Column({ name: 'site_id', type: 'uuid', nullable: true })
  siteId!: string | null;

  @ManyToOne(() => Site, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'FK_concerns_site' })
  site?: Site;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'FK_concerns_organisation' })
  organisation?: Organisation;

  @Column({ name: 'raised_by_user_id', type: 'uuid' })
  raisedByUserId!: string;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'raised_by_user_id', foreignKeyConstraintName: 'FK_concerns_raised_by' })
  raisedByUser?: StaffUser;

  @Column({ name: 'raised_at', type: 'timestamptz', default: () => 'now()' })
  raisedAt!: Date;

  @Column({ name: 'react_by', type: 'timestamptz' })
  reactBy!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'resolved_by_user_id', type: 'uuid', nullable: true })
  resolvedByUserId!: string | null;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resolved_by_user_id', foreignKeyConstraintName: 'FK_concerns_resolved_by' })
  resolvedByUser?: StaffUser;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  resolution!: string | null;
}
