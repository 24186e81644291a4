import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@ohjaamo/audit';
import { DomainError } from '@ohjaamo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { selfActor } from '../shared/audit-actor';
import { randomSecret, sha256Hex } from '../shared/secrets';
import type { StaffUser } from '../users/staff-user.entity';
import type { AccessToken } from './access-token.entity';
import { AccessTokenRepository, type AccessTokenSummary } from './access-token.repository';
import { accessTokenErrors, type NewAccessToken } from './access-token-rules';

// The prefix makes a leaked token recognisable to secret scanners and in support requests.
export const ACCESS_TOKEN_PREFIX = 'ohj_';
const TOKEN_PATTERN = /^ohj_[A-Za-z0-9_-]{43}$/;
const TOUCH_INTERVAL_MS = 60_000;

type TokenOwner = Pick<StaffUser, 'id' | 'organisationId' | 'roles'>;

/** Personal access tokens for the API: shown once, stored hashed, scoped and expiring. */
@Injectable()
export class AccessTokenService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(AccessTokenRepository) private readonly tokens: AccessTokenRepository,
  ) {}

  /** Creates a token; the secret in `token` is never retrievable again. */
  async create(
    user: TokenOwner,
    input: NewAccessToken,
  ): Promise<{ token: string; record: AccessTokenSummary }> {
    const errors = accessTokenErrors(input, user.roles);
    if (errors.length > 0) throw DomainError.validation(errors);
    const token = ACCESS_TOKEN_PREFIX + randomSecret(32);
    const scopes = [...new Set(input.scopes)].sort();
    const saved = await this.dataSource.transaction(async (manager) => {
      const row = await this.tokens.insert(manager, {
        userId: user.id,
        name: input.name.trim(),
        tokenHash: sha256Hex(token),
        scopes,
        expiresAt: input.expiresAt,
        lastUsedAt: null,
        revokedAt: null,
      });
      await this.audit.record(
        {
          action: 'token.created',
          outcome: 'success',
          actor: selfActor(user),
          subjectType: 'access_token',
          subjectId: row.id,
          details: { scopes, expiresAt: input.expiresAt.toISOString() },
        },
        manager,
      );
      return row;
    });
    return { token, record: withoutHash(saved) };
  }

  /** The token's record and its active user, or null if unknown, revoked or expired. */
  async resolve(token: string): Promise<{ token: AccessToken; user: StaffUser } | null> {
    if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return null;
    const found = await this.tokens.findByHashWithUser(sha256Hex(token));
    if (!found) return null;
    const { user, ...rest } = found;
    const record = rest as AccessToken;
    const now = new Date();
    if (record.revokedAt !== null || record.expiresAt.getTime() <= now.getTime() || !user.active) {
      return null;
    }
    if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
      await this.tokens.touch(record.id, now, new Date(now.getTime() - TOUCH_INTERVAL_MS));
      record.lastUsedAt = now;
    }
    return { token: record, user };
  }

  listForUser(userId: string): Promise<AccessTokenSummary[]> {
    return this.tokens.listForUser(userId);
  }

  /** Revokes one of the user's own tokens; another user's token reads as not found. */
  async revoke(userId: string, tokenId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.tokens.findOwnForUpdate(manager, userId, tokenId);
      if (!row) throw DomainError.notFound('token_not_found');
      if (row.revokedAt !== null) return;
      await this.tokens.revoke(manager, row.id, new Date());
      await this.audit.record(
        {
          action: 'token.revoked',
          outcome: 'success',
          subjectType: 'access_token',
          subjectId: row.id,
          actor: selfActor({ id: userId }),
        },
        manager,
      );
    });
  }

  /** Revokes every live token of a user (deactivation); returns how many. */
  revokeAllForUser(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    return this.tokens.revokeAllForUser(manager, userId, new Date());
  }
}

function withoutHash(row: AccessToken): AccessTokenSummary {
  const { tokenHash: _hash, user: _user, ...rest } = row;
  return rest;
}
