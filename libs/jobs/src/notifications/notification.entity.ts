import { StaffUser } from '@ohjaamo/identity';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

/**
 * One message in a staff user's in-app inbox. Params hold ids and numbers only; names are
 * looked up when the inbox is shown, so an anonymised client never lingers here.
 */
@Entity({ name: 'notifications' })
@Index('IDX_notifications_recipient_created_at', ['recipientId', 'createdAt'])
// The unread count in the navigation reads this on every page.
@Index('IDX_notifications_recipient_unread', ['recipientId'], { where: '"read_at" IS NULL' })
export class Notification {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_notifications' })
  id!: string;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId!: string;

  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id', foreignKeyConstraintName: 'FK_notifications_recipient' })
  recipient?: StaffUser;

  @Column({ type: 'varchar', length: 60 })
  kind!: string;

  @Column({ name: 'message_key', type: 'varchar', length: 100 })
  messageKey!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  params!: Record<string, string | number>;

  /** A path inside the app, e.g. /clients/<id>. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  link!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
