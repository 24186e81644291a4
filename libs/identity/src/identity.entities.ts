import { SignInFailure } from './auth/sign-in-attempt.entity';
import { Organisation } from './organisations/organisation.entity';
import { Session } from './sessions/session.entity';
import { SiteAgencyDay } from './sites/site-agency-day.entity';
import { Site } from './sites/site.entity';
import { AccessToken } from './tokens/access-token.entity';
import { RecoveryCode } from './users/recovery-code.entity';
import { StaffUserSite } from './users/staff-user-site.entity';
import { StaffUser } from './users/staff-user.entity';

export const IDENTITY_ENTITIES = [
  Organisation,
  Site,
  SiteAgencyDay,
  StaffUser,
  StaffUserSite,
  RecoveryCode,
  Session,
  AccessToken,
  SignInFailure,
];
