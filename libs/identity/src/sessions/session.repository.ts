import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { StaffUser } from '../users/staff-user.entity';
import { Session } from './session.entity';

/** Queries on sessions. Sessions are found by the SHA-256 of their cookie token. */
@Injectable()
export class SessionRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  insert(manager: EntityManager, session: Partial<Session>): Promise<Session> {
    return manager.save(Session, manager.create(Session, session));
  }

  /** The session with its user, in one query: this runs on every request. */
  findWithUser(idHash: string): Promise<(Session & { user: StaffUser }) | null> {
    return this.dataSource
      .createQueryBuilder(Session, 's')
      .innerJoinAndSelect('s.user', 'u')
      .where('s.idHash = :idHash', { idHash })
      .getOne() as Promise<(Session & { user: StaffUser }) | null>;
  }

  findForUpdate(manager: EntityManager, idHash: string): Promise<Session | null> {
    return manager
      .createQueryBuilder(Session, 's')
      .setLock('pessimistic_write')
      .where('s.idHash = :idHash', { idHash })
      .getOne();
  }

  /** Moves lastSeenAt forward unless another request already did within the minute. */
  async touch(idHash: string, now: Date, notAfter: Date): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(Session)
      .set({ lastSeenAt: now })
      .where('id_hash = :idHash AND last_seen_at < :notAfter', { idHash, notAfter })
      .execute();
  }

  async end(idHash: string, at: Date, manager = this.dataSource.manager): Promise<boolean> {
    const result = await manager.update(Session, { idHash, endedAt: IsNull() }, { endedAt: at });
    return (result.affected ?? 0) > 0;
  }

  async endAllForUser(
    userId: string,
    at: Date,
    manager = this.dataSource.manager,
    exceptIdHash?: string,
  ): Promise<number> {
    const where = exceptIdHash
      ? { userId, endedAt: IsNull(), idHash: Not(exceptIdHash) }
      : { userId, endedAt: IsNull() };
    const result = await manager.update(Session, where, { endedAt: at });
    return result.affected ?? 0;
  }

  /** Deletes sessions that can no longer be used: ended, past expiry, or idle too long. */
  async deleteUnusable(now: Date, idleBefore: Date): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(Session)
      .where('ended_at IS NOT NULL OR expires_at <= :now OR last_seen_at < :idleBefore', {
        now,
        idleBefore,
      })
      .execute();
    return result.affected ?? 0;
  }
}
