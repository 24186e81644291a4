import type { INestApplication } from '@nestjs/common';
import {
  Organisation,
  OrganisationKind,
  OrganisationsService,
  Role,
  Site,
  SitesService,
  StaffUser,
  StaffUsersService,
} from '@ohjaamo/identity';
import { randomBytes } from 'node:crypto';

export const TEST_PASSWORD = 'correct horse battery staple';

/** Data factories going through the real services (so rules and audit apply). */
export class Fixtures {
  constructor(private readonly app: INestApplication) {}

  organisation(
    kind: OrganisationKind = 'youth_services',
    name = `Org ${unique()}`,
  ): Promise<Organisation> {
    return this.app.get(OrganisationsService).create({ name, kind });
  }

  site(name = `Ohjaamo ${unique()}`): Promise<Site> {
    return this.app.get(SitesService).create({
      name,
      streetAddress: 'Kauppakatu 1',
      postalCode: '00100',
      municipality: 'Helsinki',
      region: 'Uusimaa',
    });
  }

  async user(options: {
    roles: Role[];
    organisation?: Organisation;
    sites?: Site[];
    email?: string;
    language?: 'fi' | 'sv' | 'en';
  }): Promise<StaffUser> {
    const organisation = options.organisation ?? (await this.organisation());
    const sites = options.sites ?? [await this.site()];
    return this.app.get(StaffUsersService).create({
      organisationId: organisation.id,
      email: options.email ?? `user-${unique()}@example.test`,
      displayName: `Test User ${unique()}`,
      password: TEST_PASSWORD,
      roles: options.roles,
      siteIds: sites.map((s) => s.id),
      language: options.language ?? 'en',
    });
  }
}

export function unique(): string {
  return randomBytes(4).toString('hex');
}
