import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Failed sign-ins by source address, for per-IP throttling. Pruned after a day. */
@Entity({ name: 'sign_in_failures' })
@Index('IDX_sign_in_failures_ip_at', ['ip', 'at'])
export class SignInFailure {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  ip!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
