import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A topic a visit can be about (work, education, housing ...). A configurable list with
 * labels in the three languages; a topic is retired by deactivating it, never deleted,
 * because visits keep its code.
 */
@Entity({ name: 'visit_topics' })
@Check('CHK_visit_topics_code', `"code" ~ '^[a-z][a-z0-9_]{1,39}$'`)
export class VisitTopic {
  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'PK_visit_topics' })
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
