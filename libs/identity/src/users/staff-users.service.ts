import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@ohjaamo/audit';
import { DomainError, type Language } from '@ohjaamo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { PasswordService } from '../auth/password.service';
import { TotpService } from '../auth/totp.service';
import { SessionService } from '../sessions/session.service';
import { currentActorId, selfActor } from '../shared/audit-actor';
import { AccessTokenService } from '../tokens/access-token.service';
import type { Role } from './role';
import type { StaffUser } from './staff-user.entity';
import {
  StaffUserRepository,
  type StaffUserListQuery,
  type StaffUserSummary,
} from './staff-user.repository';
import { canonicalRoles, languageErrors, normaliseEmail } from './staff-user-rules';
import { emailTakenError, isUniqueViolation, StaffUserValidator } from './staff-user.validator';

export interface CreateStaffUserInput {
  organisationId: string;
  email: string;
  displayName: string;
  password: string;
  roles: Role[];
  siteIds: string[];
  language: Language;
}

export interface UpdateStaffUserInput {
  displayName?: string;
  roles?: Role[];
  siteIds?: string[];
  language?: Language;
  organisationId?: string;
}

const MAX_PAGE = 200;

/** Staff accounts: administration by admins, and each user's own profile and password. */
@Injectable()
export class StaffUsersService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(StaffUserRepository) private readonly users: StaffUserRepository,
    @Inject(StaffUserValidator) private readonly validator: StaffUserValidator,
    @Inject(PasswordService) private readonly passwords: PasswordService,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(AccessTokenService) private readonly tokens: AccessTokenService,
    @Inject(TotpService) private readonly totp: TotpService,
  ) {}

  async create(input: CreateStaffUserInput): Promise<StaffUser> {
    const errors = await this.validator.errors(input, true);
    if (errors.length > 0) throw DomainError.validation(errors);

    const passwordHash = await this.passwords.hash(input.password);
    const siteIds = [...new Set(input.siteIds)];
    try {
      return await this.dataSource.transaction(async (manager) => {
        const user = await this.users.insert(manager, {
          organisationId: input.organisationId,
          email: normaliseEmail(input.email),
          displayName: input.displayName.trim(),
          passwordHash,
          roles: canonicalRoles(input.roles),
          language: input.language,
          active: true,
        });
        await this.users.replaceSites(manager, user.id, siteIds);
        await this.audit.record(
          {
            action: 'admin.user_created',
            outcome: 'success',
            subjectType: 'staff_user',
            subjectId: user.id,
            details: { roles: user.roles, sites: siteIds.length },
          },
          manager,
        );
        return user;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainError.validation([emailTakenError()]);
      throw error;
    }
  }

  async update(id: string, input: UpdateStaffUserInput): Promise<StaffUser> {
    const errors = await this.validator.errors(input, false);
    if (errors.length > 0) throw DomainError.validation(errors);

    return this.dataSource.transaction(async (manager) => {
      const current = await this.users.findByIdForUpdate(manager, id);
      if (!current) throw DomainError.notFound('user_not_found');
      const changes: Partial<StaffUser> = {};
      const changed: string[] = [];
      const name = input.displayName?.trim();
      if (name !== undefined && name !== current.displayName) changes.displayName = name;
      const roles = input.roles && canonicalRoles(input.roles);
      if (roles && roles.join() !== canonicalRoles(current.roles).join()) changes.roles = roles;
      if (input.language !== undefined && input.language !== current.language) {
        changes.language = input.language;
      }
      if (input.organisationId !== undefined && input.organisationId !== current.organisationId) {
        changes.organisationId = input.organisationId;
      }
      changed.push(...Object.keys(changes));
      if (Object.keys(changes).length > 0) await this.users.update(manager, id, changes);
      if (input.siteIds !== undefined) {
        const next = [...new Set(input.siteIds)].sort();
        const before = await this.users.siteIdsOf(id, manager);
        if (next.join() !== before.join()) {
          await this.users.replaceSites(manager, id, next);
          changed.push('siteIds');
        }
      }
      if (changed.length === 0) return current;
      await this.audit.record(
        {
          action: 'admin.user_updated',
          outcome: 'success',
          subjectType: 'staff_user',
          subjectId: id,
          details: { changed },
        },
        manager,
      );
      return (await this.users.findById(id, manager)) as StaffUser;
    });
  }

  /**
   * Takes an account out of use at once: its sessions end and its tokens are revoked in
   * the same transaction, so nothing it held keeps working.
   */
  async deactivate(id: string): Promise<void> {
    if (id === currentActorId()) {
      throw DomainError.validation([
        { field: 'id', code: 'cannotDeactivateSelf', messageKey: 'identity.cannotDeactivateSelf' },
      ]);
    }
    await this.dataSource.transaction(async (manager) => {
      const user = await this.requireForUpdate(manager, id);
      if (!user.active) return;
      await this.users.update(manager, id, { active: false, deactivatedAt: new Date() });
      const sessionsEnded = await this.sessions.endAllForUser(id, manager);
      const tokensRevoked = await this.tokens.revokeAllForUser(id, manager);
      await this.audit.record(
        {
          action: 'admin.user_deactivated',
          outcome: 'success',
          subjectType: 'staff_user',
          subjectId: id,
          details: { sessionsEnded, tokensRevoked },
        },
        manager,
      );
    });
  }

  /** Brings an account back; its lockout is cleared. Old sessions and tokens stay ended. */
  async reactivate(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await this.requireForUpdate(manager, id);
      if (user.active) return;
      await this.users.update(manager, id, {
        active: true,
        deactivatedAt: null,
        failedSignIns: 0,
        lockedUntil: null,
      });
      await this.audit.record(
        {
          action: 'admin.user_reactivated',
          outcome: 'success',
          subjectType: 'staff_user',
          subjectId: id,
        },
        manager,
      );
    });
  }

  /** For a user who lost their authenticator: removes it and signs them out everywhere. */
  async resetMfa(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.requireForUpdate(manager, id);
      await this.totp.reset(id, manager);
      const sessionsEnded = await this.sessions.endAllForUser(id, manager);
      await this.audit.record(
        {
          action: 'admin.mfa_reset',
          outcome: 'success',
          subjectType: 'staff_user',
          subjectId: id,
          details: { sessionsEnded },
        },
        manager,
      );
    });
  }

  /** The user's own language choice (own profile; not an administrative change). */
  async setLanguage(userId: string, language: Language): Promise<void> {
    const errors = languageErrors('language', language);
    if (errors.length > 0) throw DomainError.validation(errors);
    const user = await this.users.findById(userId);
    if (!user) throw DomainError.notFound('user_not_found');
    await this.users.update(this.dataSource.manager, userId, { language });
  }

  /**
   * The user's own password change. Ends the user's other sessions (a thief signed in
   * with the old password is thrown out); pass the current session token to keep it.
   */
  async changePassword(
    userId: string,
    current: string,
    next: string,
    keepSessionToken?: string,
  ): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user || !user.active) throw DomainError.notFound('user_not_found');
    if (!(await this.passwords.verify(user.passwordHash, current ?? ''))) {
      throw DomainError.validation([
        {
          field: 'currentPassword',
          code: 'passwordIncorrect',
          messageKey: 'identity.passwordIncorrect',
        },
      ]);
    }
    const errors = this.passwords.policyErrors(next, user, 'newPassword');
    if (errors.length === 0 && next === current) {
      errors.push({
        field: 'newPassword',
        code: 'passwordUnchanged',
        messageKey: 'identity.passwordUnchanged',
      });
    }
    if (errors.length > 0) throw DomainError.validation(errors);

    const passwordHash = await this.passwords.hash(next);
    await this.dataSource.transaction(async (manager) => {
      await this.users.update(manager, userId, { passwordHash });
      const sessionsEnded = await this.sessions.endAllForUser(userId, manager, keepSessionToken);
      await this.audit.record(
        {
          action: 'auth.password_changed',
          outcome: 'success',
          actor: selfActor(user),
          subjectType: 'staff_user',
          subjectId: userId,
          details: { sessionsEnded },
        },
        manager,
      );
    });
  }

  findById(id: string): Promise<StaffUser | null> {
    return this.users.findById(id);
  }

  findByEmail(email: string): Promise<StaffUser | null> {
    return this.users.findByEmail(email);
  }

  list(query: StaffUserListQuery): Promise<{ items: StaffUserSummary[]; total: number }> {
    const limit = Math.min(Math.max(Math.trunc(query.limit) || 0, 1), MAX_PAGE);
    const offset = Math.max(Math.trunc(query.offset) || 0, 0);
    return this.users.list({ ...query, limit, offset });
  }

  siteIdsOf(userId: string): Promise<string[]> {
    return this.users.siteIdsOf(userId);
  }

  private async requireForUpdate(manager: EntityManager, id: string): Promise<StaffUser> {
    const user = await this.users.findByIdForUpdate(manager, id);
    if (!user) throw DomainError.notFound('user_not_found');
    return user;
  }
}
