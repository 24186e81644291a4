import {
  AccessTokenService,
  permissionsOf,
  type Organisation,
  type Site,
  type StaffUser,
} from '@ohjaamo/identity';
import { FieldEncryption } from '@ohjaamo/platform';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';

// The client registry over HTTP: creation, identity code protection, duplicate prevention,
// the views of the desk and of advisers, updates with optimistic locking, ending and
// reopening. Every read and write must leave an audit row.

type Headers = Record<string, string>;

async function bearerFor(t: TestApp, user: StaffUser): Promise<Headers> {
  const { token } = await t.app.get(AccessTokenService).create(user, {
    name: 'clients e2e',
    scopes: [...permissionsOf(user.roles)],
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return { Authorization: `Bearer ${token}` };
}

// Valid codes (check character = DDMMYYNNN mod 31), young people born 2001–2007.
const AINO_CODE = '150605A123S';
const EETU_CODE = '010101A002S';

describe('clients: registry', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let organisation: Organisation;
  let otherOrganisation: Organisation;
  let site: Site;
  let adviserUser: StaffUser;
  let adviser: Headers;
  let desk: Headers;
  let otherAdviser: Headers;
  let counter = 0;

  // A distinct person each time, so tests do not trip over each other's duplicates.
  const person = (over: Record<string, unknown> = {}): Record<string, unknown> => {
    counter += 1;
    return {
      firstName: `Testi${String.fromCharCode(97 + (counter % 26))}${counter}`,
      lastName: `Asiakas${counter}`,
      ...over,
    };
  };
  const create = (body: Record<string, unknown>, as: Headers = adviser) =>
    t.http.post('/api/v1/clients').set(as).send(body);
  const count = async (): Promise<number> =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM clients`))[0].n);
  const auditRows = (clientId: string) =>
    t.dataSource.query(
      `SELECT action, outcome, sections, legal_basis, actor_user_id, details
         FROM audit_log WHERE client_id = $1 ORDER BY id`,
      [clientId],
    );

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    fixtures = new Fixtures(t.app);
    organisation = await fixtures.organisation('youth_services', 'Ohjaamo Lahti');
    otherOrganisation = await fixtures.organisation('kela', 'Kela');
    site = await fixtures.site();
    adviserUser = await fixtures.user({ roles: ['adviser'], organisation, sites: [site] });
    adviser = await bearerFor(t, adviserUser);
    desk = await bearerFor(
      t,
      await fixtures.user({ roles: ['front_desk'], organisation, sites: [site] }),
    );
    otherAdviser = await bearerFor(
      t,
      await fixtures.user({ roles: ['adviser'], organisation: otherOrganisation, sites: [site] }),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  describe('creating', () => {
    it('creates a client from names alone', async () => {
      const res = await create({ firstName: ' Aada ', lastName: 'Minimi' }).expect(201);
      expect(res.body).toMatchObject({
        firstName: 'Aada',
        lastName: 'Minimi',
        birthDate: null,
        status: 'active',
        version: 1,
        visibleSections: ['basic', 'contact_details'],
        details: {
          hasIdentityCode: false,
          nonDisclosure: false,
          createdByOrganisationId: organisation.id,
        },
      });
      const rows = await auditRows(res.body.id);
      expect(rows).toEqual([
        {
          action: 'client.created',
          outcome: 'success',
          // The answer shows the (empty) contact details too.
          sections: ['basic', 'contact_details'],
          legal_basis: 'own_record',
          actor_user_id: adviserUser.id,
          details: { fields: ['firstName', 'lastName'] },
        },
      ]);
    });

    it('creates a client with every field, deriving the birth date from the identity code', async () => {
      const worker = await fixtures.user({ roles: ['adviser'], organisation, sites: [site] });
      const res = await create({
        firstName: 'Aino',
        lastName: 'Kokonainen',
        identityCode: AINO_CODE.toLowerCase(),
        phone: '040 765 4321',
        email: 'aino.kokonainen@example.test',
        preferredContact: 'sms',
        language: 'FI',
        municipality: 'Lahti',
        streetAddress: 'Aleksanterinkatu 1 A 2',
        postalCode: '15110',
        postOffice: 'Lahti',
        responsibleWorkerId: worker.id,
      }).expect(201);
      expect(res.body).toMatchObject({
        firstName: 'Aino',
        lastName: 'Kokonainen',
        birthDate: '2005-06-15',
        language: 'fi',
        municipality: 'Lahti',
        details: {
          phone: '040 765 4321',
          email: 'aino.kokonainen@example.test',
          preferredContact: 'sms',
          streetAddress: 'Aleksanterinkatu 1 A 2',
          postalCode: '15110',
          postOffice: 'Lahti',
          hasIdentityCode: true,
          responsibleWorkerId: worker.id,
        },
      });
      expect(JSON.stringify(res.body)).not.toContain(AINO_CODE);
      const [row] = await t.dataSource.query(`SELECT phone_digits FROM clients WHERE id = $1`, [
        res.body.id,
      ]);
      expect(row.phone_digits).toBe('358407654321');
      const [audit] = await auditRows(res.body.id);
      expect(audit.sections).toEqual(['basic', 'contact_details', 'identity_code']);
      expect(JSON.stringify(audit.details)).not.toMatch(/Aino|Kokonainen|0407|example\.test/);
    });

    it('stores the identity code encrypted and finds it through the blind index', async () => {
      const res = await create(person({ identityCode: EETU_CODE })).expect(201);
      const [row] = await t.dataSource.query(
        `SELECT identity_code_encrypted, identity_code_hash FROM clients WHERE id = $1`,
        [res.body.id],
      );
      expect(row.identity_code_encrypted).not.toContain(EETU_CODE);
      expect(row.identity_code_encrypted).not.toContain('010101');
      const encryption = t.app.get(FieldEncryption);
      expect(encryption.decrypt(row.identity_code_encrypted)).toBe(EETU_CODE);
      const hash = encryption.blindIndex(EETU_CODE, 'identity_code');
      const found = await t.dataSource.query(
        `SELECT id FROM clients WHERE identity_code_hash = $1`,
        [hash],
      );
      expect(found).toEqual([{ id: res.body.id }]);
      // Nothing in the whole database holds the plain code.
      const dump = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM clients c WHERE c::text ILIKE $1`,
        [`%${EETU_CODE}%`],
      );
      expect(dump[0].n).toBe(0);
      const audits = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_log a WHERE a::text ILIKE $1`,
        [`%${EETU_CODE}%`],
      );
      expect(audits[0].n).toBe(0);
    });

    it.each([
      [
        'an invalid identity code',
        { identityCode: '150605A123T' },
        'identityCode',
        'identityCodeCheckCharacter',
      ],
      [
        'a malformed identity code',
        { identityCode: '1506051230' },
        'identityCode',
        'identityCodeFormat',
      ],
      [
        'a birth date that disagrees with the identity code',
        { identityCode: '020202A002F', birthDate: '2002-02-03' },
        'birthDate',
        'birthDateMismatch',
      ],
      [
        'an address with a non-disclosure order',
        { nonDisclosure: true, streetAddress: 'Piilokatu 1' },
        'streetAddress',
        'addressNotAllowed',
      ],
      [
        'an unknown responsible worker',
        { responsibleWorkerId: '00000000-0000-4000-8000-000000000001' },
        'responsibleWorkerId',
        'responsibleWorkerNotFound',
      ],
      ['an over-long first name', { firstName: 'x'.repeat(101) }, 'firstName', 'maxLength'],
      ['an over-long last name', { lastName: 'y'.repeat(101) }, 'lastName', 'maxLength'],
      ['a missing last name', { lastName: '  ' }, 'lastName', 'isNotEmpty'],
      ['a future birth date', { birthDate: '2999-01-01' }, 'birthDate', 'birthDateInFuture'],
      ['a bad phone number', { phone: 'soita minulle' }, 'phone', 'phoneInvalid'],
      ['an unknown field', { shoeSize: 44 }, 'shoeSize', 'whitelistValidation'],
    ])('refuses %s with a field error and saves nothing', async (_what, over, field, code) => {
      const before = await count();
      const res = await create(person(over)).expect(422);
      expect(res.body.error).toBe('validation_failed');
      expect(res.body.errors).toContainEqual(
        expect.objectContaining({ field, code, message: expect.any(String) }),
      );
      expect(await count()).toBe(before);
    });

    it('refuses a responsible worker who is not an active adviser', async () => {
      const deskWorker = await fixtures.user({
        roles: ['front_desk'],
        organisation,
        sites: [site],
      });
      const res = await create(person({ responsibleWorkerId: deskWorker.id })).expect(422);
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          field: 'responsibleWorkerId',
          code: 'responsibleWorkerNotAdviser',
        }),
      ]);
    });

    it("answers field errors in the user's language", async () => {
      const finnish = await bearerFor(
        t,
        await fixtures.user({ roles: ['adviser'], organisation, sites: [site], language: 'fi' }),
      );
      const res = await create(person({ identityCode: '150605A123T' }), finnish).expect(422);
      expect(res.body.errors[0].message).toMatch(/tarkistusmerkki/);
    });
  });

  describe('duplicates', () => {
    it('refuses a second client with the same identity code, revealing nothing of the first', async () => {
      const code = '311203A123D';
      await create(person({ identityCode: code })).expect(201);
      const before = await count();
      const res = await create(person({ identityCode: code.toLowerCase() })).expect(409);
      expect(res.body).toMatchObject({
        statusCode: 409,
        error: 'identity_code_taken',
        message: 'A client with this identity code already exists.',
        errors: [{ field: 'identityCode', code: 'identityCodeTaken', message: expect.any(String) }],
      });
      expect(res.body.candidates).toBeUndefined();
      expect(JSON.stringify(res.body)).not.toMatch(/Testi|Asiakas/);
      expect(await count()).toBe(before);
    });

    it('warns about a likely duplicate (same birth date, similar name) and creates once acknowledged', async () => {
      const first = await create({
        firstName: 'Mikko',
        lastName: 'Mäkelä',
        birthDate: '2004-03-09',
      }).expect(201);
      const before = await count();
      const warning = await create({
        firstName: 'mika',
        lastName: 'MAKELA',
        birthDate: '2004-03-09',
      }).expect(409);
      expect(warning.body).toMatchObject({
        error: 'possible_duplicates',
        message: expect.stringContaining('may already be a client'),
        candidates: [
          { id: first.body.id, firstName: 'Mikko', lastName: 'Mäkelä', birthYear: 2004 },
        ],
      });
      expect(Object.keys(warning.body.candidates[0]).sort()).toEqual([
        'birthYear',
        'firstName',
        'id',
        'lastName',
      ]);
      expect(await count()).toBe(before);
      const shown = await t.dataSource.query(
        `SELECT details FROM audit_log WHERE action = 'client.duplicates_shown' ORDER BY id DESC LIMIT 1`,
      );
      expect(shown).toEqual([{ details: { candidates: 1 } }]);

      const created = await create({
        firstName: 'mika',
        lastName: 'MAKELA',
        birthDate: '2004-03-09',
        acknowledgeDuplicates: true,
      }).expect(201);
      expect(created.body.id).not.toBe(first.body.id);
      expect(await count()).toBe(before + 1);
    });

    it('warns about a client with the same phone number', async () => {
      const first = await create(person({ phone: '+358 50 111 2233' })).expect(201);
      const res = await create(person({ phone: '050-1112233' })).expect(409);
      expect(res.body.candidates.map((c: { id: string }) => c.id)).toEqual([first.body.id]);
    });

    it('does not warn about a different first name or another birth date', async () => {
      await create({ firstName: 'Jussi', lastName: 'Eronen', birthDate: '2003-01-01' }).expect(201);
      await create({ firstName: 'Kalle', lastName: 'Eronen', birthDate: '2003-01-01' }).expect(201);
      await create({ firstName: 'Jussi', lastName: 'Eronen', birthDate: '2003-01-02' }).expect(201);
    });
  });

  describe('reading', () => {
    let clientId: string;

    beforeAll(async () => {
      const res = await create(
        person({
          identityCode: '070707A707S',
          phone: '0449876543',
          email: 'luettava@example.test',
          municipality: 'Hollola',
        }),
      ).expect(201);
      clientId = res.body.id;
    });

    it('shows an adviser the contact details and audits the read', async () => {
      const res = await t.http.get(`/api/v1/clients/${clientId}`).set(adviser).expect(200);
      expect(res.body.details).toMatchObject({
        phone: '0449876543',
        email: 'luettava@example.test',
      });
      const rows = await auditRows(clientId);
      expect(rows.at(-1)).toMatchObject({
        action: 'client.read',
        outcome: 'success',
        sections: ['basic', 'contact_details'],
        legal_basis: 'own_record',
      });
    });

    it('shows the front desk the identification only', async () => {
      const res = await t.http.get(`/api/v1/clients/${clientId}`).set(desk).expect(200);
      expect(Object.keys(res.body).sort()).toEqual([
        'birthDate',
        'firstName',
        'id',
        'language',
        'lastName',
        'municipality',
        'status',
        'version',
        'visibleSections',
      ]);
      expect(res.body.visibleSections).toEqual(['basic']);
      expect(JSON.stringify(res.body)).not.toMatch(/0449876543|luettava/);
      expect((await auditRows(clientId)).at(-1)).toMatchObject({
        action: 'client.read',
        sections: ['basic'],
      });
    });

    it("records another agency's read as statutory", async () => {
      await t.http.get(`/api/v1/clients/${clientId}`).set(otherAdviser).expect(200);
      expect((await auditRows(clientId)).at(-1)).toMatchObject({ legal_basis: 'statutory' });
    });

    it('gives an adviser the identity code and audits that read', async () => {
      const res = await t.http
        .get(`/api/v1/clients/${clientId}/identity-code`)
        .set(adviser)
        .expect(200);
      expect(res.body).toEqual({ identityCode: '070707A707S' });
      expect((await auditRows(clientId)).at(-1)).toMatchObject({
        action: 'client.read_identity_code',
        outcome: 'success',
        sections: ['identity_code'],
      });
    });

    it('answers the front desk 404 for the identity code, and logs the refusal', async () => {
      await t.http.get(`/api/v1/clients/${clientId}/identity-code`).set(desk).expect(404);
      expect((await auditRows(clientId)).at(-1)).toMatchObject({
        action: 'client.read_identity_code',
        outcome: 'denied',
      });
    });

    it('answers 404 for an unknown client and 400 for a malformed id', async () => {
      const unknown = '00000000-0000-4000-8000-000000000009';
      const res = await t.http.get(`/api/v1/clients/${unknown}`).set(adviser).expect(404);
      expect(res.body.error).toBe('client_not_found');
      await t.http.get(`/api/v1/clients/${unknown}/identity-code`).set(adviser).expect(404);
      await t.http.get('/api/v1/clients/not-an-id').set(adviser).expect(400);
    });
  });

  describe('updating', () => {
    it('changes the fields given, moves the version on and audits the field names', async () => {
      const created = await create(person({ phone: '0401112222' })).expect(201);
      const res = await t.http
        .patch(`/api/v1/clients/${created.body.id}`)
        .set(adviser)
        .send({ version: 1, municipality: 'Heinola', phone: null, email: 'uusi@example.test' })
        .expect(200);
      expect(res.body).toMatchObject({
        municipality: 'Heinola',
        version: 2,
        details: { phone: null, email: 'uusi@example.test' },
      });
      const [row] = await t.dataSource.query(`SELECT phone_digits FROM clients WHERE id = $1`, [
        created.body.id,
      ]);
      expect(row.phone_digits).toBeNull();
      const audit = (await auditRows(created.body.id)).at(-1);
      expect(audit).toMatchObject({
        action: 'client.updated',
        sections: ['basic', 'contact_details'],
        details: { changed: ['phone', 'email', 'municipality'] },
      });
    });

    it('refuses a stale version with 409 and changes nothing', async () => {
      const created = await create(person()).expect(201);
      const url = `/api/v1/clients/${created.body.id}`;
      await t.http
        .patch(url)
        .set(adviser)
        .send({ version: 1, municipality: 'Orimattila' })
        .expect(200);
      const res = await t.http
        .patch(url)
        .set(desk)
        .send({ version: 1, municipality: 'Asikkala' })
        .expect(409);
      expect(res.body.error).toBe('client_version_conflict');
      const after = await t.http.get(url).set(adviser).expect(200);
      expect(after.body).toMatchObject({ municipality: 'Orimattila', version: 2 });
    });

    it('drops a stored address when a non-disclosure order is recorded', async () => {
      const created = await create(
        person({ streetAddress: 'Rautatienkatu 5', postalCode: '15110', postOffice: 'Lahti' }),
      ).expect(201);
      const res = await t.http
        .patch(`/api/v1/clients/${created.body.id}`)
        .set(adviser)
        .send({ version: 1, nonDisclosure: true })
        .expect(200);
      expect(res.body.details).toMatchObject({
        nonDisclosure: true,
        streetAddress: null,
        postalCode: null,
        postOffice: null,
      });
    });

    it('lets the front desk change the identification, and nothing else', async () => {
      const created = await create(person()).expect(201);
      const url = `/api/v1/clients/${created.body.id}`;
      const refused = await t.http
        .patch(url)
        .set(desk)
        .send({ version: 1, phone: '0401234567', identityCode: AINO_CODE })
        .expect(422);
      expect(
        refused.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`),
      ).toEqual(['phone:fieldNotAllowed', 'identityCode:fieldNotAllowed']);
      await t.http.patch(url).set(desk).send({ version: 1, language: 'sv' }).expect(200);
    });

    it('adds an identity code later, refusing one another client has', async () => {
      const created = await create(person()).expect(201);
      const url = `/api/v1/clients/${created.body.id}`;
      await t.http
        .patch(url)
        .set(adviser)
        .send({ version: 1, identityCode: EETU_CODE })
        .expect(409)
        .expect((res) => expect(res.body.error).toBe('identity_code_taken'));
      const res = await t.http
        .patch(url)
        .set(adviser)
        .send({ version: 1, identityCode: '121212A899H' })
        .expect(200);
      expect(res.body).toMatchObject({
        birthDate: '2012-12-12',
        details: { hasIdentityCode: true },
      });
      expect((await auditRows(created.body.id)).at(-1)).toMatchObject({
        sections: ['basic', 'contact_details', 'identity_code'],
        details: { changed: ['birthDate', 'identityCode'] },
      });
    });
  });

  describe('ending and reopening', () => {
    it('ends the relationship with a reason and reopens it', async () => {
      const created = await create(person()).expect(201);
      const url = `/api/v1/clients/${created.body.id}`;
      const ended = await t.http
        .post(`${url}/end`)
        .set(adviser)
        .send({ reason: 'moved_away' })
        .expect(200);
      expect(ended.body).toMatchObject({
        status: 'ended',
        details: { endReason: 'moved_away', endedAt: expect.any(String) },
      });
      await t.http
        .post(`${url}/end`)
        .set(adviser)
        .send({ reason: 'other' })
        .expect(409)
        .expect((res) => expect(res.body.error).toBe('client_already_ended'));
      const reopened = await t.http.post(`${url}/reopen`).set(adviser).expect(200);
      expect(reopened.body).toMatchObject({
        status: 'active',
        details: { endReason: null, endedAt: null },
      });
      await t.http.post(`${url}/reopen`).set(adviser).expect(409);
      const actions = (await auditRows(created.body.id)).map(
        (r: { action: string; details: unknown }) => [r.action, r.details],
      );
      expect(actions).toEqual([
        ['client.created', { fields: expect.any(Array) }],
        ['client.ended', { reason: 'moved_away' }],
        ['client.reopened', {}],
      ]);
    });

    it('refuses an unknown reason', async () => {
      const created = await create(person()).expect(201);
      const res = await t.http
        .post(`/api/v1/clients/${created.body.id}/end`)
        .set(adviser)
        .send({ reason: 'bored' })
        .expect(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'reason', code: 'isIn' })]);
    });

    it('is for advisers only', async () => {
      const created = await create(person()).expect(201);
      await t.http
        .post(`/api/v1/clients/${created.body.id}/end`)
        .set(desk)
        .send({ reason: 'other' })
        .expect(403);
    });
  });
});
