import { Injectable } from '@nestjs/common';
import {
  AccessTokenService,
  Organisation,
  permissionsOf,
  SessionService,
  StaffUser,
  StaffUsersService,
} from '@ohjaamo/identity';
import type { Actor } from '@ohjaamo/platform';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import type { RequestAuth } from './request-auth';
import { SessionCookies } from './session-cookie';

const BEARER = /^Bearer ([A-Za-z0-9_-]{10,200})$/;

/**
 * Finds who is calling: a personal access token in the Authorization header, else the
 * session cookie. Returns null for anonymous callers and for sessions or tokens that
 * have expired, ended or belong to a deactivated user.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly sessions: SessionService,
    private readonly tokens: AccessTokenService,
    private readonly users: StaffUsersService,
    private readonly cookies: SessionCookies,
    private readonly dataSource: DataSource,
  ) {}

  async authenticate(req: Request): Promise<RequestAuth | 'token_invalid' | null> {
    const header = req.headers.authorization;
    if (header) {
      const match = BEARER.exec(header);
      const resolved = match ? await this.tokens.resolve(match[1]) : null;
      if (!resolved) return 'token_invalid';
      const scopes = new Set(resolved.token.scopes);
      const permissions = new Set(
        [...permissionsOf(resolved.user.roles)].filter((p) => scopes.has(p)),
      );
      return {
        ...(await this.describe(resolved.user)),
        permissions,
        via: 'token',
        token: resolved.token,
      };
    }
    const sessionToken = this.cookies.read(req, this.cookies.session);
    if (!sessionToken) return null;
    const resolved = await this.sessions.resolve(sessionToken);
    if (!resolved) return null;
    return {
      ...(await this.describe(resolved.user)),
      permissions: permissionsOf(resolved.user.roles),
      via: 'session',
      session: resolved.session,
      sessionToken,
    };
  }

  private async describe(
    user: StaffUser,
  ): Promise<Pick<RequestAuth, 'user' | 'actor' | 'organisationName'>> {
    const [organisation, siteIds] = await Promise.all([
      this.dataSource.getRepository(Organisation).findOneByOrFail({ id: user.organisationId }),
      this.users.siteIdsOf(user.id),
    ]);
    const actor: Actor = {
      userId: user.id,
      organisationId: organisation.id,
      organisationKind: organisation.kind,
      siteIds,
      roles: [...user.roles],
    };
    return { user, actor, organisationName: organisation.name };
  }
}
