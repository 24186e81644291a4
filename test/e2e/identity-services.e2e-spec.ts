import { Test, type TestingModule } from '@nestjs/testing';
import { dataSourceOptions } from '@ohjaamo/db';
import {
  IdentityModule,
  OrganisationsService,
  SessionService,
  SitesService,
  StaffUsersService,
  type CreateStaffUserInput,
  type Organisation,
  type Site,
  type StaffUser,
} from '@ohjaamo/identity';
import { ConfigModule, DatabaseModule, DomainError, requestContext } from '@ohjaamo/platform';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../helpers/test-database';

// Administration of organisations, sites (opening hours, weekly agency calendar) and staff
// users, against a real PostgreSQL through the identity services (no HTTP).

const PASSWORD = 'vihreä kuusi Lahdessa';

describe('identity: organisations, sites and staff users', () => {
  let database: { url: string; drop: () => Promise<void> };
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  let organisations: OrganisationsService;
  let sites: SitesService;
  let users: StaffUsersService;
  let sessions: SessionService;
  let youth: Organisation;
  let kela: Organisation;
  let lahti: Site;
  const adminId = '00000000-0000-4000-8000-00000000a0a0';

  const asAdmin = <T>(work: () => Promise<T>): Promise<T> =>
    requestContext.run(
      {
        requestId: 'req-identity-admin',
        language: 'fi',
        actor: {
          userId: adminId,
          organisationId: youth.id,
          organisationKind: 'youth_services',
          siteIds: [],
          roles: ['admin'],
        },
      },
      work,
    );
  const fieldCodes = async (promise: Promise<unknown>): Promise<string[]> => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe('validation');
    return (error as DomainError).fieldErrors.map((e) => `${e.field}:${e.code}`);
  };
  const auditRows = (
    action: string,
    subjectId: string,
  ): Promise<{ actor_user_id: string | null; details: Record<string, unknown> }[]> =>
    dataSource.query<{ actor_user_id: string | null; details: Record<string, unknown> }[]>(
      `SELECT actor_user_id, details FROM audit_log WHERE action = $1 AND subject_id = $2 ORDER BY id`,
      [action, subjectId],
    );
  let seq = 0;
  const userInput = (overrides: Partial<CreateStaffUserInput> = {}): CreateStaffUserInput => {
    seq += 1;
    return {
      organisationId: youth.id,
      email: `worker${seq}@lahti.test`,
      displayName: `Worker ${seq}`,
      password: PASSWORD,
      roles: ['adviser'],
      siteIds: [lahti.id],
      language: 'fi',
      ...overrides,
    };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule,
        DatabaseModule.forRoot(() => dataSourceOptions(database.url, 5)),
        IdentityModule,
      ],
    }).compile();
    dataSource = moduleRef.get(DataSource);
    organisations = moduleRef.get(OrganisationsService);
    sites = moduleRef.get(SitesService);
    users = moduleRef.get(StaffUsersService);
    sessions = moduleRef.get(SessionService);
    youth = await organisations.create({ name: 'Lahden nuorisopalvelut', kind: 'youth_services' });
    kela = await organisations.create({ name: 'Kela Lahti', kind: 'kela' });
    lahti = await sites.create({
      name: 'Ohjaamo Lahti',
      streetAddress: 'Rautatienkatu 1',
      postalCode: '15110',
      municipality: 'Lahti',
      region: 'Päijät-Häme',
      openingHours: { '1': [{ opens: '09:00', closes: '16:00' }] },
    });
  });

  afterAll(async () => {
    await moduleRef?.close();
    await database?.drop();
  });

  describe('organisations', () => {
    it('creates an agency and audits it with the acting admin', async () => {
      const created = await asAdmin(() =>
        organisations.create({ name: '  TE-palvelut Lahti ', kind: 'employment_services' }),
      );
      expect(created).toMatchObject({ name: 'TE-palvelut Lahti', active: true });
      expect(await auditRows('admin.organisation_created', created.id)).toEqual([
        { actor_user_id: adminId, details: { kind: 'employment_services' } },
      ]);
    });

    it('refuses an empty name and an unknown kind', async () => {
      expect(
        await fieldCodes(organisations.create({ name: ' ', kind: 'pharmacy' as never })),
      ).toEqual(['name:isNotEmpty', 'kind:isIn']);
    });

    it('updates only what changed, and audits the changed field names', async () => {
      const org = await organisations.create({ name: 'Nuorten työpaja', kind: 'youth_workshop' });
      const updated = await asAdmin(() =>
        organisations.update(org.id, { name: 'Nuorten työpaja', kind: 'ngo', active: false }),
      );
      expect(updated).toMatchObject({ kind: 'ngo', active: false });
      await asAdmin(() => organisations.update(org.id, { kind: 'ngo' }));
      expect(await auditRows('admin.organisation_updated', org.id)).toEqual([
        { actor_user_id: adminId, details: { changed: ['kind', 'active'] } },
      ]);
      await expect(organisations.update(adminId, { name: 'x' })).rejects.toMatchObject({
        kind: 'not_found',
      });
    });

    it('lists agencies by name, optionally only active ones', async () => {
      const names = (await organisations.list({ active: true })).map((o) => o.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
      expect(names).toContain('Kela Lahti');
      expect(names).not.toContain('Nuorten työpaja');
    });
  });

  describe('sites', () => {
    it('validates postal code and opening hours field by field', async () => {
      expect(
        await fieldCodes(
          sites.create({
            name: 'Ohjaamo Hollola',
            streetAddress: '',
            postalCode: '1586',
            municipality: 'Hollola',
            openingHours: { '8': [], '2': [{ opens: '16:00', closes: '09:00' }] } as never,
          }),
        ),
      ).toEqual([
        'streetAddress:isNotEmpty',
        'postalCode:postalCodeInvalid',
        'openingHours.2.0.closes:timeRangeInvalid',
        'openingHours.8:weekdayInvalid',
      ]);
    });

    it('creates and updates a site, auditing the changed fields', async () => {
      const site = await asAdmin(() =>
        sites.create({
          name: 'Ohjaamo Heinola',
          streetAddress: 'Kauppakatu 10',
          postalCode: '18100',
          municipality: 'Heinola',
          region: ' ',
        }),
      );
      expect(site).toMatchObject({ region: null, openingHours: {} });
      const updated = await asAdmin(() =>
        sites.update(site.id, {
          postalCode: '18100',
          region: 'Päijät-Häme',
          openingHours: {
            '3': [
              { opens: '12:00', closes: '16:00' },
              { opens: '09:00', closes: '11:00' },
            ],
          },
        }),
      );
      expect(updated.openingHours).toEqual({
        '3': [
          { opens: '09:00', closes: '11:00' },
          { opens: '12:00', closes: '16:00' },
        ],
      });
      expect(await auditRows('admin.site_created', site.id)).toHaveLength(1);
      expect(await auditRows('admin.site_updated', site.id)).toEqual([
        { actor_user_id: adminId, details: { changed: ['region', 'openingHours'] } },
      ]);
      await expect(sites.get(site.id)).resolves.toMatchObject({ region: 'Päijät-Häme' });
      await expect(sites.get('nope')).rejects.toMatchObject({ kind: 'not_found' });
    });

    it('refuses a bad calendar as a whole and keeps the old one', async () => {
      await sites.setCalendar(lahti.id, [{ organisationId: kela.id, weekday: 2 }]);
      expect(
        await fieldCodes(
          sites.setCalendar(lahti.id, [
            { organisationId: youth.id, weekday: 1 },
            { organisationId: kela.id, weekday: 8 },
            { organisationId: kela.id, weekday: 3, starts: '14:00', ends: '10:00' },
            { organisationId: kela.id, weekday: 4, starts: '10:00' },
            { organisationId: adminId, weekday: 5 },
          ]),
        ),
      ).toEqual([
        'entries.1.weekday:weekdayInvalid',
        'entries.2.ends:timeRangeInvalid',
        'entries.3.ends:timeRangeIncomplete',
        'entries.4.organisationId:organisationNotFound',
      ]);
      const calendar = await sites.calendar(lahti.id);
      expect(calendar.map((d) => [d.organisationId, d.weekday])).toEqual([[kela.id, 2]]);
    });

    it('replaces the weekly calendar and tells who is present on a Helsinki day', async () => {
      const calendar = await asAdmin(() =>
        sites.setCalendar(lahti.id, [
          { organisationId: youth.id, weekday: 1 },
          { organisationId: kela.id, weekday: 1, starts: '10:00', ends: '14:00' },
          { organisationId: kela.id, weekday: 3, starts: '09:00', ends: '12:00' },
        ]),
      );
      expect(calendar.map((d) => [d.weekday, d.organisationId, d.starts, d.ends])).toEqual([
        [1, youth.id, null, null],
        [1, kela.id, '10:00', '14:00'],
        [3, kela.id, '09:00', '12:00'],
      ]);
      expect(await auditRows('admin.site_calendar_updated', lahti.id)).toContainEqual({
        actor_user_id: adminId,
        details: { entries: 3 },
      });

      // Sunday 22:30 UTC is Monday 00:30 in Helsinki.
      const mondayInHelsinki = new Date('2026-03-01T22:30:00Z');
      expect(await sites.agenciesPresentOn(lahti.id, mondayInHelsinki)).toEqual([
        {
          organisationId: kela.id,
          organisationName: 'Kela Lahti',
          organisationKind: 'kela',
          starts: '10:00',
          ends: '14:00',
        },
        {
          organisationId: youth.id,
          organisationName: 'Lahden nuorisopalvelut',
          organisationKind: 'youth_services',
          starts: null,
          ends: null,
        },
      ]);
      expect(await sites.agenciesPresentOn(lahti.id, new Date('2026-03-01T21:30:00Z'))).toEqual([]);

      // An agency that has stopped working is not shown as present.
      const ngo = await organisations.create({ name: 'Setlementti', kind: 'ngo' });
      await sites.setCalendar(lahti.id, [{ organisationId: ngo.id, weekday: 1 }]);
      await organisations.update(ngo.id, { active: false });
      expect(await sites.agenciesPresentOn(lahti.id, mondayInHelsinki)).toEqual([]);
    });
  });

  describe('staff users', () => {
    it('creates a user with a lower-cased e-mail, sites and an audit row without personal data', async () => {
      const user = await asAdmin(() =>
        users.create(
          userInput({ email: ' Aino.Virtanen@Lahti.test ', roles: ['admin', 'adviser'] }),
        ),
      );
      expect(user).toMatchObject({
        email: 'aino.virtanen@lahti.test',
        roles: ['adviser', 'admin'],
        active: true,
      });
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      await expect(users.siteIdsOf(user.id)).resolves.toEqual([lahti.id]);
      const [row] = await auditRows('admin.user_created', user.id);
      expect(row).toEqual({
        actor_user_id: adminId,
        details: { roles: ['adviser', 'admin'], sites: 1 },
      });
      await expect(users.findByEmail('AINO.VIRTANEN@lahti.test')).resolves.toMatchObject({
        id: user.id,
      });
    });

    it('reports every invalid field at once', async () => {
      const inactive = await organisations.create({ name: 'Lakkautettu', kind: 'other' });
      await organisations.update(inactive.id, { active: false });
      expect(
        await fieldCodes(
          users.create({
            organisationId: inactive.id,
            email: 'not-an-address',
            displayName: '',
            password: 'short',
            roles: ['superuser' as never],
            siteIds: [lahti.id, adminId],
            language: 'de' as never,
          }),
        ),
      ).toEqual([
        'email:isEmail',
        'displayName:isNotEmpty',
        'roles.0:isIn',
        'language:isIn',
        'password:passwordTooShort',
        'organisationId:organisationInactive',
        'siteIds.1:siteNotFound',
      ]);
      expect(
        await fieldCodes(
          users.create(userInput({ organisationId: adminId, roles: [], siteIds: [] })),
        ),
      ).toEqual([
        'roles:arrayNotEmpty',
        'organisationId:organisationNotFound',
        'siteIds:arrayNotEmpty',
      ]);
    });

    it('refuses an e-mail address already in use, whatever its case', async () => {
      await users.create(userInput({ email: 'taken@lahti.test' }));
      expect(await fieldCodes(users.create(userInput({ email: 'TAKEN@Lahti.test' })))).toEqual([
        'email:emailTaken',
      ]);
    });

    it('applies the password policy with the user’s own e-mail and name', async () => {
      expect(
        await fieldCodes(
          users.create(
            userInput({
              email: 'matti.meikalainen@lahti.test',
              password: 'matti.meikalainen-2026',
            }),
          ),
        ),
      ).toEqual(['password:passwordContainsEmail']);
      expect(
        await fieldCodes(
          users.create(
            userInput({ displayName: 'Salasana Tosi Pitkä', password: 'salasana tosi pitkä' }),
          ),
        ),
      ).toEqual(['password:passwordIsName']);
    });

    it('updates a user and audits only the names of the changed fields', async () => {
      const user = await users.create(userInput());
      const second = await sites.create({
        name: 'Ohjaamo Orimattila',
        streetAddress: 'Erkontie 1',
        postalCode: '16300',
        municipality: 'Orimattila',
      });
      const updated = await asAdmin(() =>
        users.update(user.id, {
          displayName: user.displayName,
          roles: ['front_desk', 'adviser'],
          siteIds: [second.id, lahti.id],
          language: 'sv',
          organisationId: kela.id,
        }),
      );
      expect(updated).toMatchObject({
        roles: ['front_desk', 'adviser'],
        language: 'sv',
        organisationId: kela.id,
      });
      expect((await users.siteIdsOf(user.id)).sort()).toEqual([lahti.id, second.id].sort());
      expect(await auditRows('admin.user_updated', user.id)).toEqual([
        {
          actor_user_id: adminId,
          details: { changed: ['roles', 'language', 'organisationId', 'siteIds'] },
        },
      ]);
      expect(await fieldCodes(users.update(user.id, { roles: [] }))).toEqual([
        'roles:arrayNotEmpty',
      ]);
      await expect(users.update(adminId, { language: 'en' })).rejects.toMatchObject({
        kind: 'not_found',
      });
    });

    it('lists users with search, filters, paging and a total, without secrets', async () => {
      const org = await organisations.create({ name: 'Listaustesti', kind: 'other' });
      for (const name of ['Eero Aho', 'Eeva Berg', 'Elina Carlsson']) {
        await users.create(userInput({ organisationId: org.id, displayName: name }));
      }
      const carlsson = await users.list({
        organisationId: org.id,
        search: 'carls',
        limit: 10,
        offset: 0,
      });
      expect(carlsson.total).toBe(1);
      expect(carlsson.items[0]).toMatchObject({ displayName: 'Elina Carlsson' });
      expect(carlsson.items[0]).not.toHaveProperty('passwordHash');
      expect(carlsson.items[0]).not.toHaveProperty('totpSecret');

      const page = await users.list({ organisationId: org.id, limit: 2, offset: 1 });
      expect(page.total).toBe(3);
      expect(page.items.map((u) => u.displayName)).toEqual(['Eeva Berg', 'Elina Carlsson']);
      // Wildcards in the search are taken literally.
      await expect(
        users.list({ organisationId: org.id, search: '%', limit: 10, offset: 0 }),
      ).resolves.toEqual({
        items: [],
        total: 0,
      });
      const [aho] = (
        await users.list({ organisationId: org.id, search: 'Aho', limit: 1, offset: 0 })
      ).items;
      await asAdmin(() => users.deactivate(aho.id));
      await expect(
        users.list({ organisationId: org.id, active: true, limit: 10, offset: 0 }),
      ).resolves.toMatchObject({ total: 2 });
    });

    it('lets a user change their own language', async () => {
      const user = await users.create(userInput());
      await users.setLanguage(user.id, 'en');
      await expect(users.findById(user.id)).resolves.toMatchObject({ language: 'en' });
      expect(await fieldCodes(users.setLanguage(user.id, 'ru' as never))).toEqual([
        'language:isIn',
      ]);
    });

    it('changes the password after checking the current one, ending other sessions', async () => {
      const user: StaffUser = await users.create(userInput());
      const current = await sessions.create(user.id, { mfaPassed: true });
      const other = await sessions.create(user.id, { mfaPassed: true });

      expect(
        await fieldCodes(users.changePassword(user.id, 'wrong one', 'a new long passphrase')),
      ).toEqual(['currentPassword:passwordIncorrect']);
      expect(await fieldCodes(users.changePassword(user.id, PASSWORD, 'short'))).toEqual([
        'newPassword:passwordTooShort',
      ]);
      expect(await fieldCodes(users.changePassword(user.id, PASSWORD, PASSWORD))).toEqual([
        'newPassword:passwordUnchanged',
      ]);

      await users.changePassword(user.id, PASSWORD, 'a new long passphrase', current.token);
      await expect(sessions.resolve(current.token)).resolves.not.toBeNull();
      await expect(sessions.resolve(other.token)).resolves.toBeNull();
      await expect(
        users.changePassword(user.id, 'a new long passphrase', 'and yet another one'),
      ).resolves.toBeUndefined();
      await expect(sessions.resolve(current.token)).resolves.toBeNull();
      const rows = await auditRows('auth.password_changed', user.id);
      expect(rows.map((r) => r.details)).toEqual([{ sessionsEnded: 1 }, { sessionsEnded: 1 }]);
      expect(rows[0].actor_user_id).toBe(user.id);
    });
  });
});
