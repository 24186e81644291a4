import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { SignInFailure } from './sign-in-attempt.entity';

/** Failed sign-ins by source address, for the per-IP throttle. */
@Injectable()
export class SignInFailureRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Failures from `ip` since `since`, and when the oldest of them happened. */
  async recent(ip: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
    const [row] = await this.dataSource.query<{ count: string; oldest: Date | null }[]>(
      `SELECT count(*) AS count, min(at) AS oldest FROM sign_in_failures WHERE ip = $1 AND at > $2`,
      [ip, since],
    );
    return { count: Number(row.count), oldest: row.oldest };
  }

  async record(manager: EntityManager, ip: string, at: Date): Promise<void> {
    await manager.insert(SignInFailure, { ip, at });
  }

  async pruneBefore(before: Date): Promise<number> {
    const result = await this.dataSource.manager.delete(SignInFailure, { at: LessThan(before) });
    return result.affected ?? 0;
  }
}
