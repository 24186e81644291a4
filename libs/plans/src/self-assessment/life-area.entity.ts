import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A life area a young person rates in a self-assessment (money, housing, mood ...).
 * Configurable; retired by deactivating, never deleted, since assessments keep the code.
 */
@Entity({ name: 'life_areas' })
@Check('CHK_life_areas_code', `"code" ~ '^[a-z][a-z0-9_]{1,39}$'`)
export class LifeArea {
  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'PK_life_areas' })
  code!: string;

  @Column({ name: 'label_fi', type: 'varchar', length: 100 })
  labelFi!: string;

  @Column({ name: 'label_sv', type: 'varchar', length: 100 })
  labelSv!: string;

  @Column({ name: 'label_en', type: 'varchar', length: 100 })
  labelEn!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'sort_order', type: 'smallint', default: 0 })
  sortOrder!: number;
}
