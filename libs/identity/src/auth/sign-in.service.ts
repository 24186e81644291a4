import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@ohjaamo/audit';
import { AppConfig } from '@ohjaamo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { actorOf } from '../shared/audit-actor';
import { StaffUserRepository } from '../users/staff-user.repository';
import type { StaffUser } from '../users/staff-user.entity';
import { AccountLockout } from './account-lockout';
import { PasswordService } from './password.service';
import { SignInFailureRepository } from './sign-in-failure.repository';

export const IP_WINDOW_MINUTES = 15;

export type SignInResult =
  | { outcome: 'signed_in'; user: StaffUser; mfaRequired: boolean; mfaEnrolled: boolean }
  | { outcome: 'failed' }
  | { outcome: 'throttled'; retryAfterSeconds: number };

type FailureReason = 'unknown_user' | 'bad_password' | 'locked' | 'inactive';

/**
 * The password step of signing in. Every kind of refusal answers the same
 * `{ outcome: 'failed' }` after one password hash check, so neither the answer nor its
 * timing tells whether an e-mail address has an account.
 */
@Injectable()
export class SignInService {
  private readonly mfaRoles: readonly string[];

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(PasswordService) private readonly passwords: PasswordService,
    @Inject(StaffUserRepository) private readonly users: StaffUserRepository,
    @Inject(SignInFailureRepository) private readonly failures: SignInFailureRepository,
    @Inject(AccountLockout) private readonly lockout: AccountLockout,
  ) {
    this.mfaRoles = config.MFA_REQUIRED_ROLES.split(',').filter(Boolean);
  }

  async attempt(input: { email: string; password: string; ip: string }): Promise<SignInResult> {
    const now = new Date();
    const ip = input.ip.slice(0, 64);
    // The throttle comes first: a throttled address learns nothing, not even timing.
    const since = new Date(now.getTime() - IP_WINDOW_MINUTES * 60_000);
    const recent = await this.failures.recent(ip, since);
    if (recent.count >= this.config.IP_FAILURE_LIMIT) {
      await this.audit.record({ action: 'auth.throttled', outcome: 'denied', actor: null, ip });
      return { outcome: 'throttled', retryAfterSeconds: retryAfter(recent.oldest, now) };
    }

    const email = typeof input.email === 'string' ? input.email.trim().slice(0, 254) : '';
    const password = typeof input.password === 'string' ? input.password : '';
    const found = email ? await this.users.findByEmail(email) : null;
    if (!found) {
      await this.passwords.verifyDummy(password);
      await this.fail(ip, now, 'unknown_user', null);
      return { outcome: 'failed' };
    }

    // The hash is checked whatever the account's state, to keep the timing alike.
    const passwordOk = await this.passwords.verify(found.passwordHash, password);
    const result = await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findByIdForUpdate(manager, found.id);
      if (!user) return this.fail(ip, now, 'unknown_user', null, manager);
      if (!user.active) return this.fail(ip, now, 'inactive', user, manager);
      if (this.lockout.isLocked(user, now)) return this.fail(ip, now, 'locked', user, manager);
      if (!passwordOk) {
        const locked = await this.lockout.registerFailure(manager, user, now);
        return this.fail(ip, now, 'bad_password', user, manager, locked);
      }
      await this.lockout.reset(manager, user.id);
      user.failedSignIns = 0;
      user.lockedUntil = null;
      return user;
    });
    if (!('id' in result)) return result;

    if (this.passwords.needsRehash(result.passwordHash)) {
      const passwordHash = await this.passwords.hash(password);
      await this.users.update(this.dataSource.manager, result.id, { passwordHash });
      result.passwordHash = passwordHash;
    }
    return {
      outcome: 'signed_in',
      user: result,
      mfaRequired: this.mfaRequiredFor(result),
      mfaEnrolled: result.totpEnabledAt !== null,
    };
  }

  /** Whether the user's roles require a second factor (MFA_REQUIRED_ROLES). */
  mfaRequiredFor(user: Pick<StaffUser, 'roles'>): boolean {
    return user.roles.some((role) => this.mfaRoles.includes(role));
  }

  /**
   * Records a completed sign-in (after the second factor, when one is owed). The HTTP
   * layer calls this once the session is fully signed in.
   */
  async recordSignedIn(
    user: Pick<StaffUser, 'id' | 'organisationId' | 'roles'>,
    manager?: EntityManager,
  ): Promise<void> {
    const work = async (tx: EntityManager): Promise<void> => {
      await this.users.update(tx, user.id, { lastSignInAt: new Date() });
      await this.audit.record(
        {
          action: 'auth.sign_in',
          outcome: 'success',
          actor: actorOf(user),
          subjectType: 'staff_user',
          subjectId: user.id,
        },
        tx,
      );
    };
    if (manager?.queryRunner?.isTransactionActive) return work(manager);
    return this.dataSource.transaction(work);
  }

  /** Deletes throttle records older than a day; for a scheduled job. */
  pruneFailures(): Promise<number> {
    return this.failures.pruneBefore(new Date(Date.now() - 86_400_000));
  }

  private async fail(
    ip: string,
    now: Date,
    reason: FailureReason,
    user: StaffUser | null,
    manager?: EntityManager,
    locked = false,
  ): Promise<{ outcome: 'failed' }> {
    const work = async (tx: EntityManager): Promise<void> => {
      await this.failures.record(tx, ip, now);
      await this.audit.record(
        {
          action: 'auth.sign_in_failed',
          outcome: 'failure',
          actor: null,
          subjectType: user ? 'staff_user' : null,
          subjectId: user?.id ?? null,
          ip,
          details: locked ? { reason, locked: true } : { reason },
        },
        tx,
      );
    };
    if (manager) await work(manager);
    else await this.dataSource.transaction(work);
    return { outcome: 'failed' };
  }
}

function retryAfter(oldest: Date | null, now: Date): number {
  if (!oldest) return IP_WINDOW_MINUTES * 60;
  const freesAt = oldest.getTime() + IP_WINDOW_MINUTES * 60_000;
  return Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000));
}
