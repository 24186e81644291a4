import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, DomainError } from '@ohjaamo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { randomSecret, sha256Hex } from '../shared/secrets';
import type { StaffUser } from '../users/staff-user.entity';
import type { Session } from './session.entity';
import { SessionRepository } from './session.repository';

// lastSeenAt is written at most this often: one write a minute instead of one a request.
const TOUCH_INTERVAL_MS = 60_000;
const MAX_TOKEN_LENGTH = 200;

/**
 * Browser sessions. The cookie holds a random token; the database holds only its SHA-256.
 * A session ends when signed out, after SESSION_IDLE_MINUTES without activity, after
 * SESSION_ABSOLUTE_HOURS however active, or when its user is deactivated.
 */
export type SessionRejection = 'ended' | 'absolute_timeout' | 'idle_timeout' | 'user_inactive';

@Injectable()
export class SessionService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(SessionRepository) private readonly sessions: SessionRepository,
  ) {}

  async create(
    userId: string,
    options: { mfaPassed: boolean },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ token: string; session: Session }> {
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.SESSION_ABSOLUTE_HOURS * 3_600_000);
    return this.insert(manager, userId, options.mfaPassed, expiresAt, now);
  }

  /** The live session behind a cookie token and its (active) user, else null. */
  async resolve(token: string): Promise<{ session: Session; user: StaffUser } | null> {
    if (!isPlausibleToken(token)) return null;
    const found = await this.sessions.findWithUser(sha256Hex(token));
    if (!found) return null;
    const { user, ...rest } = found;
    const session = rest as Session;
    const now = new Date();
    if (!this.isLive(session, now) || !user.active) return null;
    if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      const notAfter = new Date(now.getTime() - TOUCH_INTERVAL_MS);
      await this.sessions.touch(session.idHash, now, notAfter);
      session.lastSeenAt = now;
    }
    return { session, user };
  }

  /**
   * Why a cookie token no longer signs anyone in: the session ended (signed out), timed
   * out (idle or absolute), or its user was deactivated. Null for tokens never issued.
   */
  async rejection(token: string): Promise<{ userId: string; reason: SessionRejection } | null> {
    if (!isPlausibleToken(token)) return null;
    const found = await this.sessions.findWithUser(sha256Hex(token));
    if (!found) return null;
    const now = new Date();
    const reason: SessionRejection =
      found.endedAt !== null
        ? 'ended'
        : found.expiresAt.getTime() <= now.getTime()
          ? 'absolute_timeout'
          : found.lastSeenAt.getTime() <= this.idleCutoff(now).getTime()
            ? 'idle_timeout'
            : 'user_inactive';
    return { userId: found.userId, reason };
  }

  /**
   * Replaces the session's token with a new one and ends the old one, at every change of
   * privilege (password accepted, second factor given), so a token planted or seen before
   * sign-in is worthless afterwards. Keeps the absolute expiry; the CSRF token is renewed.
   */
  rotate(token: string): Promise<string> {
    return this.replace(token, (session) => session.mfaPassed);
  }

  /** Marks the second factor as given; rotates the token. */
  passMfa(token: string): Promise<string> {
    return this.replace(token, () => true);
  }

  /** Signs out. Unknown or already ended tokens are ignored. */
  async end(token: string): Promise<void> {
    if (!isPlausibleToken(token)) return;
    await this.sessions.end(sha256Hex(token), new Date());
  }

  /** Ends every session of a user, except the one of `exceptToken`; returns how many. */
  endAllForUser(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
    exceptToken?: string,
  ): Promise<number> {
    const except = isPlausibleToken(exceptToken) ? sha256Hex(exceptToken) : undefined;
    return this.sessions.endAllForUser(userId, new Date(), manager, except);
  }

  /** Deletes sessions that can no longer be used; for a scheduled job. */
  pruneExpired(): Promise<number> {
    const now = new Date();
    return this.sessions.deleteUnusable(now, this.idleCutoff(now));
  }

  private async replace(token: string, mfaPassed: (old: Session) => boolean): Promise<string> {
    if (!isPlausibleToken(token)) throw invalidSession();
    return this.dataSource.transaction(async (manager) => {
      const old = await this.sessions.findForUpdate(manager, sha256Hex(token));
      const now = new Date();
      if (!old || !this.isLive(old, now)) throw invalidSession();
      await this.sessions.end(old.idHash, now, manager);
      const next = await this.insert(manager, old.userId, mfaPassed(old), old.expiresAt, now);
      return next.token;
    });
  }

  private async insert(
    manager: EntityManager,
    userId: string,
    mfaPassed: boolean,
    expiresAt: Date,
    now: Date,
  ): Promise<{ token: string; session: Session }> {
    const token = randomSecret(32);
    const session = await this.sessions.insert(manager, {
      idHash: sha256Hex(token),
      userId,
      mfaPassed,
      csrfToken: randomSecret(32),
      lastSeenAt: now,
      expiresAt,
      endedAt: null,
    });
    return { token, session };
  }

  private isLive(session: Session, now: Date): boolean {
    return (
      session.endedAt === null &&
      session.expiresAt.getTime() > now.getTime() &&
      session.lastSeenAt.getTime() > this.idleCutoff(now).getTime()
    );
  }

  private idleCutoff(now: Date): Date {
    return new Date(now.getTime() - this.config.SESSION_IDLE_MINUTES * 60_000);
  }
}

function isPlausibleToken(token: unknown): token is string {
  return typeof token === 'string' && token.length > 0 && token.length <= MAX_TOKEN_LENGTH;
}

function invalidSession(): DomainError {
  return new DomainError('unauthorized', 'session_invalid');
}
