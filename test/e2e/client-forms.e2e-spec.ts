import type { Organisation, Role, StaffUser } from '@ohjaamo/identity';
import type request from 'supertest';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';
import { bearerFor, type Headers } from './consent-fixtures';

// The register and edit pages for clients over HTTP: status per role, field errors in the
// user's language that store nothing, the duplicate warning and its confirmation, the
// version conflict, and the audit rows the registry writes for each (as for the API).

type Who = 'desk' | 'adviser' | 'coordinator' | 'admin' | 'finnishDesk';

const AINO_CODE = '150605A123S';
const BAD_CHECK = '150605A123T';
const BAD_CENTURY = '150605Z123S';
const EETU_CODE = '010101A002S';

describe('client forms (register and edit pages)', () => {
  let t: TestApp;
  let organisation: Organisation;
  const as = {} as Record<Who, Headers>;
  const users = {} as Record<Who, StaffUser>;
  let counter = 0;

  const clientCount = async (): Promise<number> =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM clients`))[0].n);
  const auditOf = (clientId: string) =>
    t.dataSource.query(
      `SELECT action, outcome, sections, legal_basis, details
         FROM audit_log WHERE client_id = $1 ORDER BY id`,
      [clientId],
    );
  type AuditRow = {
    action: string;
    outcome: string;
    client_id: string | null;
    sections: string[];
    details: Record<string, unknown>;
    actor_user_id: string;
  };
  const lastAudit = async (action: string): Promise<AuditRow> =>
    (
      await t.dataSource.query<AuditRow[]>(
        `SELECT action, outcome, client_id, sections, details, actor_user_id
           FROM audit_log WHERE action = $1 ORDER BY id DESC LIMIT 1`,
        [action],
      )
    )[0];
  const register = (who: Who, form: Record<string, string>) =>
    t.http.post('/clients/new').set(as[who]).type('form').send(form);
  const idFrom = (res: request.Response): string => {
    const match = /^\/clients\/([0-9a-f-]{36})$/.exec(String(res.headers.location));
    if (!match) throw new Error(`not a client page: ${String(res.headers.location)}`);
    return match[1];
  };
  const unique = (): { firstName: string; lastName: string } => {
    counter += 1;
    return { firstName: `Lomake${String.fromCharCode(97 + counter)}`, lastName: `Testi${counter}` };
  };
  const apiClient = async (body: Record<string, unknown>): Promise<{ id: string }> =>
    (
      await t.http
        .post('/api/v1/clients')
        .set(as.adviser)
        .send({ ...body, acknowledgeDuplicates: true })
        .expect(201)
    ).body as { id: string };

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    const fixtures = new Fixtures(t.app);
    const site = await fixtures.site();
    organisation = await fixtures.organisation('youth_services', 'Nuorisopalvelut Lomakkeet');
    const roles: Record<Who, [Role, 'fi' | 'en']> = {
      desk: ['front_desk', 'en'],
      adviser: ['adviser', 'en'],
      coordinator: ['coordinator', 'en'],
      admin: ['admin', 'en'],
      finnishDesk: ['front_desk', 'fi'],
    };
    for (const [who, [role, language]] of Object.entries(roles) as [Who, [Role, 'fi' | 'en']][]) {
      users[who] = await fixtures.user({ roles: [role], organisation, sites: [site], language });
      as[who] = await bearerFor(t, users[who]);
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('who may use the pages', () => {
    let clientId: string;
    beforeAll(async () => {
      clientId = (await apiClient(unique())).id;
    });

    it.each([
      ['desk', 200],
      ['adviser', 200],
      ['coordinator', 403],
      ['admin', 403],
    ] as [Who, number][])('GET /clients/new as %s answers %i', async (who, status) => {
      await t.http.get('/clients/new').set(as[who]).expect(status);
    });

    it.each([
      ['desk', 200],
      ['adviser', 200],
      ['coordinator', 403],
      ['admin', 403],
    ] as [Who, number][])('GET /clients/:id/edit as %s answers %i', async (who, status) => {
      await t.http.get(`/clients/${clientId}/edit`).set(as[who]).expect(status);
    });

    it.each([
      ['desk', 200],
      ['adviser', 200],
      ['coordinator', 403],
      ['admin', 403],
    ] as [Who, number][])('POST /clients/new/search as %s answers %i', async (who, status) => {
      await t.http
        .post('/clients/new/search')
        .set(as[who])
        .type('form')
        .send({ name: 'Testi' })
        .expect(status);
    });

    it('refuses the coordinator and the admin a save, and stores nothing', async () => {
      const before = await clientCount();
      await register('coordinator', unique()).expect(403);
      await register('admin', unique()).expect(403);
      await t.http
        .post(`/clients/${clientId}/edit`)
        .set(as.admin)
        .type('form')
        .send({ firstName: 'X', lastName: 'Y', version: '1' })
        .expect(403);
      expect(await clientCount()).toBe(before);
    });

    it('answers an unknown client 404 and a malformed id 400', async () => {
      await t.http
        .get('/clients/00000000-0000-4000-8000-000000000000/edit')
        .set(as.adviser)
        .expect(404);
      await t.http.get('/clients/not-a-uuid/edit').set(as.adviser).expect(400);
    });

    it('links the register page from the desk and the edit page from the client page', async () => {
      const desk = await t.http.get('/desk').set(as.desk).expect(200);
      expect(desk.text).toContain('href="/clients/new"');
      const page = await t.http.get(`/clients/${clientId}`).set(as.adviser).expect(200);
      expect(page.text).toContain(`href="/clients/${clientId}/edit"`);
    });
  });

  describe('search first', () => {
    it('finds existing clients by POST only and links them; the form starts from the criteria', async () => {
      const names = unique();
      const existing = await apiClient({ ...names, birthDate: '2004-03-02' });
      const res = await t.http
        .post('/clients/new/search')
        .set(as.desk)
        .type('form')
        .send({ name: `${names.lastName} ${names.firstName}` })
        .expect(200);
      expect(res.text).toContain(`href="/clients/${existing.id}"`);
      expect(res.text).toMatch(/<form method="post" action="\/clients\/new" novalidate>/);
      expect(res.text).toContain(`value="${names.lastName}"`);
      // Every choice has its label in the user's language, and the search form is closed.
      expect(res.text).toContain('<option value="sms">Text message</option>');
      expect(res.text).not.toContain('action="/clients/new/search"');
      const audit = await lastAudit('client.search');
      expect(audit.actor_user_id).toBe(users.desk.id);
      expect(JSON.stringify(audit.details)).not.toContain(names.lastName);
    });

    it('shows a search without criteria as a field error', async () => {
      const res = await t.http.post('/clients/new/search').set(as.desk).type('form').send({});
      expect(res.status).toBe(422);
      expect(res.text).toContain('Give at least one search criterion.');
      expect(res.text).not.toMatch(/action="\/clients\/new" novalidate/);
    });
  });

  describe('registering', () => {
    it('creates a client with every field and redirects to its page with a message', async () => {
      const names = unique();
      const res = await register('adviser', {
        ...names,
        identityCode: AINO_CODE,
        phone: '040 765 4321',
        email: 'aino@example.test',
        preferredContact: 'sms',
        language: 'fi',
        municipality: 'Tampere',
        streetAddress: 'Hämeenkatu 1',
        postalCode: '33100',
        postOffice: 'Tampere',
        gender: 'female',
        responsibleWorkerId: users.adviser.id,
      }).expect(303);
      const id = idFrom(res);
      expect(decodeURIComponent(String(res.headers['set-cookie']))).toContain(
        'clientForms.created',
      );
      const [row] = await t.dataSource.query(
        `SELECT first_name, birth_date::text AS birth_date, phone, email, preferred_contact,
                language, municipality, street_address, gender, responsible_worker_id,
                identity_code_hash IS NOT NULL AS has_code, created_by_organisation_id
           FROM clients WHERE id = $1`,
        [id],
      );
      expect(row).toMatchObject({
        first_name: names.firstName,
        birth_date: '2005-06-15',
        phone: '040 765 4321',
        email: 'aino@example.test',
        preferred_contact: 'sms',
        language: 'fi',
        municipality: 'Tampere',
        street_address: 'Hämeenkatu 1',
        gender: 'female',
        responsible_worker_id: users.adviser.id,
        has_code: true,
        created_by_organisation_id: organisation.id,
      });
      const [audit] = await auditOf(id);
      expect(audit).toMatchObject({ action: 'client.created', outcome: 'success' });
      expect(audit.sections).toEqual(['basic', 'contact_details', 'identity_code']);
      expect(JSON.stringify(audit.details)).not.toMatch(/Lomake|Hämeenkatu|0407|example\.test/);
      const page = await t.http.get(`/clients/${id}`).set(as.adviser).expect(200);
      expect(page.text).toContain(names.lastName);
    });

    it('never puts the identity code in the redirect or the audit log', async () => {
      const res = await register('adviser', { ...unique(), identityCode: EETU_CODE }).expect(303);
      expect(String(res.headers.location)).not.toContain(EETU_CODE);
      const [hits] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_log a WHERE a::text ILIKE $1`,
        [`%${EETU_CODE}%`],
      );
      expect(hits.n).toBe(0);
    });

    it('does not store an address under a non-disclosure order', async () => {
      const res = await register('adviser', {
        ...unique(),
        nonDisclosure: 'on',
        streetAddress: 'Salainen tie 5',
        postalCode: '00100',
        postOffice: 'Helsinki',
      }).expect(303);
      const [row] = await t.dataSource.query(
        `SELECT non_disclosure, street_address, postal_code, post_office FROM clients WHERE id = $1`,
        [idFrom(res)],
      );
      expect(row).toEqual({
        non_disclosure: true,
        street_address: null,
        postal_code: null,
        post_office: null,
      });
    });

    it('shows field errors next to the fields, keeps the input and stores nothing', async () => {
      const before = await clientCount();
      const res = await register('desk', {
        firstName: '',
        lastName: 'Virheellinen',
        identityCode: BAD_CHECK,
        postalCode: '123',
        preferredContact: 'email',
      }).expect(422);
      expect(res.text).toContain('The check character of the identity code does not match.');
      expect(res.text).toContain('The postal code has five digits.');
      expect(res.text).toMatch(/id="error-firstName"/);
      expect(res.text).toContain('value="Virheellinen"');
      expect(await clientCount()).toBe(before);
      const [failures] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'client.created' AND actor_user_id = $1`,
        [users.desk.id],
      );
      expect(failures.n).toBe(0);
    });

    it("explains a wrong century sign in the user's language", async () => {
      const before = await clientCount();
      const res = await register('finnishDesk', { ...unique(), identityCode: BAD_CENTURY });
      expect(res.status).toBe(422);
      expect(res.text).toContain('Henkilötunnus ei ole muotoa PPKKVVTNNNQ');
      expect(res.text).toContain('lang="fi"');
      const english = await register('desk', { ...unique(), identityCode: BAD_CHECK });
      expect(english.text).toContain('The check character of the identity code does not match.');
      expect(await clientCount()).toBe(before);
    });

    it('refuses an identity code already registered, naming the field', async () => {
      const code = '010203A0056';
      await register('adviser', { ...unique(), identityCode: code }).expect(303);
      const before = await clientCount();
      const res = await register('adviser', { ...unique(), identityCode: code }).expect(422);
      expect(res.text).toContain('A client with this identity code already exists.');
      expect(await clientCount()).toBe(before);
    });

    it('warns of likely duplicates with links, and creates only when confirmed', async () => {
      const names = unique();
      const existing = await apiClient({ ...names, birthDate: '2003-11-20' });
      const before = await clientCount();
      const form = { ...names, birthDate: '2003-11-20', municipality: 'Lahti' };
      const warned = await register('desk', form).expect(409);
      expect(warned.text).toContain('This may be a client already registered');
      expect(warned.text).toContain(`href="/clients/${existing.id}"`);
      expect(warned.text).toContain('name="acknowledgeDuplicates"');
      expect(warned.text).toContain('value="Lahti"');
      expect(await clientCount()).toBe(before);
      const shown = await lastAudit('client.duplicates_shown');
      expect(shown).toMatchObject({ actor_user_id: users.desk.id, client_id: null });
      expect(shown.details).toEqual({ candidates: 1 });

      const created = await register('desk', { ...form, acknowledgeDuplicates: 'on' }).expect(303);
      const id = idFrom(created);
      expect(id).not.toBe(existing.id);
      expect(await clientCount()).toBe(before + 1);
      const [audit] = await auditOf(id);
      expect(audit).toMatchObject({ action: 'client.created', outcome: 'success' });
    });
  });

  describe('editing', () => {
    const editPage = (id: string, who: Who = 'adviser') =>
      t.http.get(`/clients/${id}/edit`).set(as[who]).expect(200);
    const versionIn = (html: string): string => /name="version" value="(\d+)"/.exec(html)![1];
    // What the browser would send back unchanged: the inputs' values and the chosen options.
    const formOf = (html: string): Record<string, string> => {
      const form: Record<string, string> = {};
      for (const m of html.matchAll(
        /<input id="field-(\w+)" name="\w+" type="\w+" value="([^"]*)"/g,
      )) {
        form[m[1]] = m[2];
      }
      for (const m of html.matchAll(/<select id="field-(\w+)"[^]*?<\/select>/g)) {
        form[m[1]] = /<option value="([^"]*)" selected>/.exec(m[0])?.[1] ?? '';
      }
      if (/name="nonDisclosure" value="on" data-non-disclosure checked/.test(html)) {
        form.nonDisclosure = 'on';
      }
      form.version = versionIn(html);
      return form;
    };
    const save = (id: string, form: Record<string, string>, who: Who = 'adviser') =>
      t.http.post(`/clients/${id}/edit`).set(as[who]).type('form').send(form);

    it('shows whether an identity code is stored, never the code itself', async () => {
      const code = '111104A0044';
      const { id } = await apiClient({ ...unique(), identityCode: code });
      const page = await editPage(id);
      expect(page.text).toContain('An identity code is stored. It is not shown here.');
      expect(page.text).not.toContain(code);
      expect(page.text).not.toContain(code.slice(0, 6));
      // Opening the form is a read of the client, audited as the API's GET is.
      const reads = (await auditOf(id)).filter(
        (r: { action: string }) => r.action === 'client.read',
      );
      expect(reads).toHaveLength(1);
      expect(reads[0]).toMatchObject({ outcome: 'success', legal_basis: 'own_record' });
      expect(reads[0].sections).toEqual(['basic', 'contact_details']);
      const plain = await editPage((await apiClient(unique())).id);
      expect(plain.text).toContain('No identity code is stored.');
    });

    it('saves the changes, audited like the API, and redirects with a message', async () => {
      const names = unique();
      const { id } = await apiClient({ ...names, municipality: 'Oulu' });
      const page = await editPage(id);
      const res = await save(id, {
        ...names,
        municipality: 'Kuopio',
        phone: '0401112222',
        gender: 'other',
        version: versionIn(page.text),
      }).expect(303);
      expect(res.headers.location).toBe(`/clients/${id}`);
      expect(decodeURIComponent(String(res.headers['set-cookie']))).toContain('clientForms.saved');
      const [row] = await t.dataSource.query(
        `SELECT municipality, phone, gender, version FROM clients WHERE id = $1`,
        [id],
      );
      expect(row).toMatchObject({
        municipality: 'Kuopio',
        phone: '0401112222',
        gender: 'other',
      });
      const rows = await auditOf(id);
      const updated = rows.filter((r: { action: string }) => r.action === 'client.updated');
      expect(updated).toHaveLength(1);
      expect(updated[0].details.changed.sort()).toEqual(['gender', 'municipality', 'phone']);
      expect(updated[0].sections).toEqual(['basic', 'contact_details']);
    });

    it('sets and replaces the identity code only when one is typed', async () => {
      const { id } = await apiClient({ ...unique(), identityCode: '121206A0032' });
      const hashOf = async (): Promise<string | null> =>
        (
          await t.dataSource.query<{ identity_code_hash: string | null }[]>(
            `SELECT identity_code_hash FROM clients WHERE id = $1`,
            [id],
          )
        )[0].identity_code_hash;
      const original = await hashOf();
      let page = await editPage(id);
      expect(formOf(page.text)).toMatchObject({ identityCode: '', birthDate: '2006-12-12' });
      await save(id, formOf(page.text)).expect(303);
      expect(await hashOf()).toBe(original);
      page = await editPage(id);
      const bad = await save(id, { ...formOf(page.text), identityCode: BAD_CHECK }).expect(422);
      expect(bad.text).toContain('The check character of the identity code does not match.');
      expect(bad.text).not.toContain(BAD_CHECK);
      expect(await hashOf()).toBe(original);
      await save(id, { ...formOf(bad.text), identityCode: '121206A0043' }).expect(303);
      expect(await hashOf()).not.toBe(original);
    });

    it('refuses a stale save with a conflict message, keeping what the user typed', async () => {
      const names = unique();
      const { id } = await apiClient({ ...names, municipality: 'Vaasa' });
      const page = await editPage(id);
      const stale = versionIn(page.text);
      await t.http
        .patch(`/api/v1/clients/${id}`)
        .set(as.adviser)
        .send({ municipality: 'Seinäjoki', version: Number(stale) })
        .expect(200);
      const res = await save(id, { ...names, municipality: 'Kokkola', version: stale }).expect(409);
      expect(res.text).toContain('Someone else saved this client meanwhile');
      expect(res.text).toContain('value="Kokkola"');
      const fresh = versionIn(res.text);
      expect(Number(fresh)).toBeGreaterThan(Number(stale));
      const [row] = await t.dataSource.query(`SELECT municipality FROM clients WHERE id = $1`, [
        id,
      ]);
      expect(row.municipality).toBe('Seinäjoki');
      // Saving again after the warning is a deliberate choice and goes through.
      await save(id, { ...names, municipality: 'Kokkola', version: fresh }).expect(303);
      const [after] = await t.dataSource.query(`SELECT municipality FROM clients WHERE id = $1`, [
        id,
      ]);
      expect(after.municipality).toBe('Kokkola');
    });

    it('gives the front desk the identification fields only', async () => {
      const names = unique();
      const { id } = await apiClient({ ...names, phone: '0409998888' });
      const page = await editPage(id, 'desk');
      expect(page.text).toContain('name="municipality"');
      expect(page.text).not.toContain('name="phone"');
      expect(page.text).not.toContain('name="identityCode"');
      await save(
        id,
        { ...names, municipality: 'Pori', phone: '0401234567', version: versionIn(page.text) },
        'desk',
      ).expect(303);
      const [row] = await t.dataSource.query(
        `SELECT municipality, phone FROM clients WHERE id = $1`,
        [id],
      );
      expect(row).toEqual({ municipality: 'Pori', phone: '0409998888' });
    });

    it('shows field errors and stores nothing', async () => {
      const names = unique();
      const { id } = await apiClient({ ...names, municipality: 'Kemi' });
      const page = await editPage(id);
      const res = await save(id, {
        firstName: '',
        lastName: names.lastName,
        municipality: 'Tornio',
        birthDate: '2999-01-01',
        version: versionIn(page.text),
      }).expect(422);
      expect(res.text).toContain('The birth date cannot be in the future.');
      expect(res.text).toMatch(/id="error-firstName"/);
      expect(res.text).toContain('value="Tornio"');
      const [row] = await t.dataSource.query(
        `SELECT municipality, first_name FROM clients WHERE id = $1`,
        [id],
      );
      expect(row).toEqual({ municipality: 'Kemi', first_name: names.firstName });
      const rows = await auditOf(id);
      expect(rows.some((r: { action: string }) => r.action === 'client.updated')).toBe(false);
    });
  });
});
