import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@ohjaamo/audit';
import { DomainError, FieldEncryption } from '@ohjaamo/platform';
import { toDataURL } from 'qrcode';
import { DataSource, EntityManager } from 'typeorm';
import { selfActor } from '../shared/audit-actor';
import type { StaffUser } from '../users/staff-user.entity';
import { StaffUserRepository } from '../users/staff-user.repository';
import { AccountLockout } from './account-lockout';
import { RecoveryCodeRepository } from './recovery-code.repository';
import { matchTotpStep, newTotpSecret, totpUri } from './totp-codes';
import {
  generateRecoveryCode,
  hashRecoveryCode,
  normaliseRecoveryCode,
  RECOVERY_CODE_COUNT,
} from './recovery-codes';

const CODE = /^\d{6}$/;

/**
 * Time-based one-time passwords (RFC 6238) as the second factor, with one-time recovery
 * codes. The secret is stored encrypted; a code is accepted once only, and failures count
 * towards the same account lockout as wrong passwords.
 */
@Injectable()
export class TotpService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(FieldEncryption) private readonly encryption: FieldEncryption,
    @Inject(StaffUserRepository) private readonly users: StaffUserRepository,
    @Inject(RecoveryCodeRepository) private readonly recoveryCodes: RecoveryCodeRepository,
    @Inject(AccountLockout) private readonly lockout: AccountLockout,
  ) {}

  /** Starts (or restarts) enrolment: a new secret, pending until a code confirms it. */
  async beginEnrolment(
    userId: string,
  ): Promise<{ secret: string; otpauthUrl: string; qrDataUrl: string }> {
    const user = await this.users.findById(userId);
    if (!user || !user.active) throw DomainError.notFound('user_not_found');
    if (user.totpEnabledAt !== null) throw DomainError.conflict('mfa_already_enrolled');
    const secret = await newTotpSecret();
    await this.users.update(this.dataSource.manager, user.id, {
      totpSecret: this.encryption.encrypt(secret),
      totpEnabledAt: null,
      totpLastStep: null,
    });
    const otpauthUrl = await totpUri(secret, user.email);
    const qrDataUrl = await toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 2 });
    return { secret, otpauthUrl, qrDataUrl };
  }

  /** Confirms enrolment with a first code; returns the recovery codes (shown once). */
  async confirmEnrolment(userId: string, code: string): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.findByIdForUpdate(manager, userId);
      if (!user || !user.active) throw DomainError.notFound('user_not_found');
      if (user.totpSecret === null || user.totpEnabledAt !== null) {
        throw DomainError.conflict('mfa_not_pending');
      }
      const step = await this.matchStep(user, code);
      if (step === null) {
        throw DomainError.validation([
          { field: 'code', code: 'totpInvalid', messageKey: 'identity.totpInvalid' },
        ]);
      }
      await this.users.update(manager, user.id, {
        totpEnabledAt: new Date(),
        totpLastStep: String(step),
      });
      const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
      const hashes = codes.map((c) => hashRecoveryCode(normaliseRecoveryCode(c) as string));
      await this.recoveryCodes.replaceForUser(manager, user.id, hashes);
      await this.audit.record(
        {
          action: 'auth.mfa_enrolled',
          outcome: 'success',
          actor: selfActor(user),
          subjectType: 'staff_user',
          subjectId: user.id,
        },
        manager,
      );
      return codes;
    });
  }

  /** Checks a code from the authenticator app. Each code works once. */
  async verify(userId: string, code: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.findByIdForUpdate(manager, userId);
      if (!user || !user.active || user.totpSecret === null || user.totpEnabledAt === null) {
        return false;
      }
      if (this.lockout.isLocked(user)) return false;
      const step = await this.matchStep(user, code);
      if (step === null) return this.failed(manager, user, 'totp');
      await this.users.update(manager, user.id, { totpLastStep: String(step) });
      await this.lockout.reset(manager, user.id);
      return true;
    });
  }

  /** Accepts one unused recovery code in place of a TOTP code, and uses it up. */
  async useRecoveryCode(userId: string, code: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.findByIdForUpdate(manager, userId);
      if (!user || !user.active || user.totpEnabledAt === null) return false;
      if (this.lockout.isLocked(user)) return false;
      const canonical = typeof code === 'string' ? normaliseRecoveryCode(code) : null;
      const used =
        canonical !== null &&
        (await this.recoveryCodes.use(manager, user.id, hashRecoveryCode(canonical), new Date()));
      if (!used) return this.failed(manager, user, 'recovery_code');
      await this.lockout.reset(manager, user.id);
      const remaining = await this.recoveryCodes.countUnused(user.id, manager);
      await this.audit.record(
        {
          action: 'auth.recovery_code_used',
          outcome: 'success',
          actor: selfActor(user),
          subjectType: 'staff_user',
          subjectId: user.id,
          details: { remaining },
        },
        manager,
      );
      return true;
    });
  }

  /** Removes the second factor and its recovery codes (the admin service audits this). */
  async reset(userId: string, manager?: EntityManager): Promise<void> {
    const work = async (tx: EntityManager): Promise<void> => {
      await this.users.update(tx, userId, {
        totpSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
      });
      await this.recoveryCodes.deleteForUser(tx, userId);
    };
    if (manager) return work(manager);
    return this.dataSource.transaction(work);
  }

  remainingRecoveryCodes(userId: string): Promise<number> {
    return this.recoveryCodes.countUnused(userId);
  }

  // The time step a code matches, later than the last one accepted; null if none.
  private async matchStep(user: StaffUser, code: unknown): Promise<number | null> {
    if (typeof code !== 'string' || user.totpSecret === null) return null;
    const token = code.replace(/\s/g, '');
    if (!CODE.test(token)) return null;
    const secret = this.encryption.decrypt(user.totpSecret);
    const last = user.totpLastStep === null ? null : Number(user.totpLastStep);
    return matchTotpStep(secret, token, last);
  }

  private async failed(
    manager: EntityManager,
    user: StaffUser,
    method: 'totp' | 'recovery_code',
  ): Promise<false> {
    const locked = await this.lockout.registerFailure(manager, user);
    await this.audit.record(
      {
        action: 'auth.mfa_failed',
        outcome: 'failure',
        actor: null,
        subjectType: 'staff_user',
        subjectId: user.id,
        details: locked ? { method, locked: true } : { method },
      },
      manager,
    );
    return false;
  }
}
