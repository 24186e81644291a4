import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { StaffUser } from '../users/staff-user.entity';

/**
 * A signed-in browser. The cookie carries a random id; only its SHA-256 is stored, so a
 * copy of the table cannot be used to take over sessions.
 */
@Entity({ name: 'sessions' })
@Index('IDX_sessions_user', ['userId'])
export class Session {
  @PrimaryColumn({ name: 'id_hash', type: 'char', length: 64 })
  idHash!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_sessions_user' })
  user?: StaffUser;

  /** False until the second factor is given (when one is required). */
  @Column({ name: 'mfa_passed', type: 'boolean', default: false })
  mfaPassed!: boolean;

  /** Synchronizer token for CSRF protection of this session's forms. */
  @Column({ name: 'csrf_token', type: 'varchar', length: 64 })
  csrfToken!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;

  /** Absolute end, however active the session is. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;
}
