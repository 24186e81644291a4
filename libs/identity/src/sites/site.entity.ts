import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { OpeningHours } from './opening-hours';

/** An Ohjaamo location. Several sites can form a region for reporting. */
@Entity({ name: 'sites' })
export class Site {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'street_address', type: 'varchar', length: 200 })
  streetAddress!: string;

  @Column({ name: 'postal_code', type: 'varchar', length: 10 })
  postalCode!: string;

  @Column({ type: 'varchar', length: 100 })
  municipality!: string;

  /** Reporting region (a group of sites), e.g. "Päijät-Häme". */
  @Column({ type: 'varchar', length: 100, nullable: true })
  region!: string | null;

  @Column({ name: 'opening_hours', type: 'jsonb', default: () => "'{}'" })
  openingHours!: OpeningHours;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
