import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const DELIVERY_CHANNELS = ['in_app', 'email', 'sms'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/**
 * The ledger of delivered messages. The unique key (kind, subject, due date, recipient,
 * channel) makes a message go out once even when its job runs twice.
 */
@Entity({ name: 'deliveries' })
@Index('UQ_deliveries_delivery_key', ['deliveryKey'], { unique: true })
export class Delivery {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_deliveries' })
  id!: string;

  /** `kind|subjectId|dueDate|recipientId|channel`: ids and dates only. */
  @Column({ name: 'delivery_key', type: 'varchar', length: 300 })
  deliveryKey!: string;

  @Column({ type: 'varchar', length: 60 })
  kind!: string;

  @Column({ type: 'varchar', length: 10 })
  channel!: DeliveryChannel;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId!: string;

  @CreateDateColumn({ name: 'delivered_at', type: 'timestamptz' })
  deliveredAt!: Date;
}
