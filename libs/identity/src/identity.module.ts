import { Module } from '@nestjs/common';
import { AuditModule } from '@ohjaamo/audit';
import { FieldEncryption } from '@ohjaamo/platform';
import { AccountLockout } from './auth/account-lockout';
import { PasswordService } from './auth/password.service';
import { RecoveryCodeRepository } from './auth/recovery-code.repository';
import { SignInFailureRepository } from './auth/sign-in-failure.repository';
import { SignInService } from './auth/sign-in.service';
import { TotpService } from './auth/totp.service';
import { FIELD_ENCRYPTION_PROVIDER } from './identity-encryption.provider';
import { OrganisationRepository } from './organisations/organisation.repository';
import { OrganisationsService } from './organisations/organisations.service';
import { SessionRepository } from './sessions/session.repository';
import { SessionService } from './sessions/session.service';
import { SiteRepository } from './sites/site.repository';
import { SitesService } from './sites/sites.service';
import { AccessTokenRepository } from './tokens/access-token.repository';
import { AccessTokenService } from './tokens/access-token.service';
import { StaffUserRepository } from './users/staff-user.repository';
import { StaffUserValidator } from './users/staff-user.validator';
import { StaffUsersService } from './users/staff-users.service';

const SERVICES = [
  PasswordService,
  SessionService,
  AccessTokenService,
  SignInService,
  TotpService,
  StaffUsersService,
  OrganisationsService,
  SitesService,
];

/**
 * Organisations, sites, staff users, sign-in, sessions, tokens and MFA. Needs the global
 * DataSource (DatabaseModule) and AppConfig (ConfigModule).
 */
@Module({
  imports: [AuditModule],
  providers: [
    ...SERVICES,
    FIELD_ENCRYPTION_PROVIDER,
    AccountLockout,
    StaffUserRepository,
    StaffUserValidator,
    OrganisationRepository,
    SiteRepository,
    SessionRepository,
    AccessTokenRepository,
    SignInFailureRepository,
    RecoveryCodeRepository,
  ],
  exports: [...SERVICES, FieldEncryption],
})
export class IdentityModule {}
