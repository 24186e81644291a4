import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { isUuid } from '../shared/secrets';
import type { StaffUser } from '../users/staff-user.entity';
import { AccessToken } from './access-token.entity';

/** A token as its owner sees it: everything but the hash. */
export type AccessTokenSummary = Omit<AccessToken, 'tokenHash' | 'user'>;

const SUMMARY = {
  id: true,
  userId: true,
  name: true,
  scopes: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdAt: true,
} as const;

/** Queries on access_tokens. Tokens are found by the SHA-256 of the secret. */
@Injectable()
export class AccessTokenRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  insert(manager: EntityManager, token: Partial<AccessToken>): Promise<AccessToken> {
    return manager.save(AccessToken, manager.create(AccessToken, token));
  }

  findByHashWithUser(tokenHash: string): Promise<(AccessToken & { user: StaffUser }) | null> {
    return this.dataSource
      .createQueryBuilder(AccessToken, 't')
      .innerJoinAndSelect('t.user', 'u')
      .where('t.tokenHash = :tokenHash', { tokenHash })
      .getOne() as Promise<(AccessToken & { user: StaffUser }) | null>;
  }

  /** Moves lastUsedAt forward unless another request already did within the minute. */
  async touch(id: string, now: Date, notAfter: Date): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(AccessToken)
      .set({ lastUsedAt: now })
      .where('id = :id AND (last_used_at IS NULL OR last_used_at < :notAfter)', { id, notAfter })
      .execute();
  }

  listForUser(userId: string): Promise<AccessTokenSummary[]> {
    if (!isUuid(userId)) return Promise.resolve([]);
    return this.dataSource.manager.find(AccessToken, {
      select: SUMMARY,
      where: { userId },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  findOwnForUpdate(
    manager: EntityManager,
    userId: string,
    id: string,
  ): Promise<AccessTokenSummary | null> {
    if (!isUuid(userId) || !isUuid(id)) return Promise.resolve(null);
    return manager.findOne(AccessToken, {
      select: SUMMARY,
      where: { id, userId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async revoke(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.update(AccessToken, { id, revokedAt: IsNull() }, { revokedAt: at });
  }

  async revokeAllForUser(manager: EntityManager, userId: string, at: Date): Promise<number> {
    const result = await manager.update(
      AccessToken,
      { userId, revokedAt: IsNull() },
      { revokedAt: at },
    );
    return result.affected ?? 0;
  }
}
