import { Inject, Injectable } from '@nestjs/common';
import type { FieldError, Language } from '@ohjaamo/platform';
import { QueryFailedError } from 'typeorm';
import { PasswordService } from '../auth/password.service';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { textErrors } from '../shared/field-rules';
import { SiteRepository } from '../sites/site.repository';
import type { Role } from './role';
import { StaffUserRepository } from './staff-user.repository';
import {
  DISPLAY_NAME_MAX_LENGTH,
  emailErrors,
  languageErrors,
  rolesErrors,
} from './staff-user-rules';

export interface StaffUserFields {
  organisationId?: string;
  email?: string;
  displayName?: string;
  password?: string;
  roles?: Role[];
  siteIds?: string[];
  language?: Language;
}

/**
 * Field-level checks of staff user input, including those that need the database
 * (unique e-mail, existing organisation and sites). Checks only the fields given, so
 * creation passes every field and an update only the changed ones.
 */
@Injectable()
export class StaffUserValidator {
  constructor(
    @Inject(StaffUserRepository) private readonly users: StaffUserRepository,
    @Inject(OrganisationRepository) private readonly organisations: OrganisationRepository,
    @Inject(SiteRepository) private readonly sites: SiteRepository,
    @Inject(PasswordService) private readonly passwords: PasswordService,
  ) {}

  async errors(input: StaffUserFields, required: boolean): Promise<FieldError[]> {
    const given = (field: keyof StaffUserFields): boolean => required || input[field] !== undefined;
    const errors: FieldError[] = [];
    if (given('email')) errors.push(...emailErrors('email', input.email));
    if (given('displayName')) {
      errors.push(...textErrors('displayName', input.displayName, DISPLAY_NAME_MAX_LENGTH));
    }
    if (given('roles')) errors.push(...rolesErrors('roles', input.roles));
    if (given('language')) errors.push(...languageErrors('language', input.language));
    if (given('password')) {
      errors.push(...this.passwords.policyErrors(input.password ?? '', input));
    }
    if (given('organisationId'))
      errors.push(...(await this.organisationErrors(input.organisationId)));
    if (given('siteIds')) errors.push(...(await this.siteErrors(input.siteIds)));
    const emailOk = given('email') && !errors.some((e) => e.field === 'email');
    if (emailOk && (await this.users.emailTaken(input.email as string))) {
      errors.push(emailTakenError());
    }
    return errors;
  }

  private async organisationErrors(organisationId: unknown): Promise<FieldError[]> {
    const field = 'organisationId';
    if (typeof organisationId !== 'string' || organisationId === '') {
      return [{ field, code: 'isNotEmpty' }];
    }
    const organisation = await this.organisations.findById(organisationId);
    if (!organisation) {
      return [{ field, code: 'organisationNotFound', messageKey: 'identity.organisationNotFound' }];
    }
    if (!organisation.active) {
      return [{ field, code: 'organisationInactive', messageKey: 'identity.organisationInactive' }];
    }
    return [];
  }

  // Everyone works at one or more sites (DOMAIN.md §2).
  private async siteErrors(siteIds: unknown): Promise<FieldError[]> {
    if (!Array.isArray(siteIds) || siteIds.length === 0) {
      return [{ field: 'siteIds', code: 'arrayNotEmpty' }];
    }
    const known = await this.sites.existingIds(siteIds.filter((id) => typeof id === 'string'));
    const errors: FieldError[] = [];
    siteIds.forEach((id: unknown, i) => {
      if (typeof id !== 'string' || !known.has(id)) {
        errors.push({
          field: `siteIds.${i}`,
          code: 'siteNotFound',
          messageKey: 'identity.siteNotFound',
        });
      }
    });
    return errors;
  }
}

export function emailTakenError(): FieldError {
  return { field: 'email', code: 'emailTaken', messageKey: 'identity.emailTaken' };
}

/** Two admins adding the same address at once: the unique index decides. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string } | undefined)?.code === '23505'
  );
}
