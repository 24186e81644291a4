import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@ohjaamo/platform';
import type { EntityManager } from 'typeorm';
import { StaffUser } from '../users/staff-user.entity';

/**
 * The per-account lockout shared by the password and second-factor checks: a run of
 * LOCKOUT_THRESHOLD failures locks the account for LOCKOUT_MINUTES. Works on a row the
 * caller has locked with SELECT ... FOR UPDATE, so concurrent failures all count.
 */
@Injectable()
export class AccountLockout {
  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  isLocked(user: Pick<StaffUser, 'lockedUntil'>, now = new Date()): boolean {
    return user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime();
  }

  /** Counts one failure; returns true when this failure locked the account. */
  async registerFailure(
    manager: EntityManager,
    user: Pick<StaffUser, 'id' | 'failedSignIns' | 'lockedUntil'>,
    now = new Date(),
  ): Promise<boolean> {
    // A lock that has run out starts a fresh run of attempts.
    const expired = user.lockedUntil !== null && user.lockedUntil.getTime() <= now.getTime();
    const failedSignIns = (expired ? 0 : user.failedSignIns) + 1;
    const locks = failedSignIns >= this.config.LOCKOUT_THRESHOLD;
    const lockedUntil = locks
      ? new Date(now.getTime() + this.config.LOCKOUT_MINUTES * 60_000)
      : expired
        ? null
        : user.lockedUntil;
    await manager.update(StaffUser, { id: user.id }, { failedSignIns, lockedUntil });
    return locks;
  }

  async reset(manager: EntityManager, userId: string): Promise<void> {
    await manager.update(StaffUser, { id: userId }, { failedSignIns: 0, lockedUntil: null });
  }
}
