import { helsinkiWeekday, type Organisation } from '@ohjaamo/identity';
import type TestAgent from 'supertest/lib/agent';
import { Fixtures, TEST_PASSWORD } from '../helpers/fixtures';
import { csrfFrom, sessionCsrf, signedInAgent } from '../helpers/browser-session';
import { createTestApp, TestApp } from '../helpers/test-app';

describe('admin: organisations, sites and the agency calendar', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let admin: TestAgent;
  let adviser: TestAgent;

  const count = async (table: string): Promise<number> =>
    Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    fixtures = new Fixtures(t.app);
    const adminUser = await fixtures.user({ roles: ['admin'] });
    admin = await signedInAgent(t.app, adminUser.email, TEST_PASSWORD);
    const adviserUser = await fixtures.user({ roles: ['adviser'] });
    adviser = await signedInAgent(t.app, adviserUser.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('organisations', () => {
    it('creates and edits an organisation through the forms', async () => {
      const form = await admin.get('/admin/organisations/new').expect(200);
      expect(form.text).toContain('Outreach youth work');
      const before = await count('organisations');
      await admin
        .post('/admin/organisations')
        .type('form')
        .send({
          _csrf: csrfFrom(form.text),
          name: 'Lahden etsivä nuorisotyö',
          kind: 'outreach_youth_work',
        })
        .expect(303);
      expect(await count('organisations')).toBe(before + 1);
      const [row] = await t.dataSource.query(
        `SELECT id, kind, active FROM organisations WHERE name = 'Lahden etsivä nuorisotyö'`,
      );
      expect(row).toMatchObject({ kind: 'outreach_youth_work', active: true });

      const list = await admin.get('/admin/organisations').expect(200);
      expect(list.text).toContain('Lahden etsivä nuorisotyö');
      const edit = await admin.get(`/admin/organisations/${row.id}`).expect(200);
      expect(edit.text).toContain('id="field-active" name="active" value="true" checked');
      // An unticked checkbox is not sent: the organisation becomes inactive.
      await admin
        .post(`/admin/organisations/${row.id}`)
        .type('form')
        .send({
          _csrf: csrfFrom(edit.text),
          name: 'Lahden etsivä nuorisotyö',
          kind: 'youth_workshop',
        })
        .expect(303);
      const [after] = await t.dataSource.query(
        `SELECT kind, active FROM organisations WHERE id = $1`,
        [row.id],
      );
      expect(after).toEqual({ kind: 'youth_workshop', active: false });
    });

    it('re-renders bad input with field errors and saves nothing', async () => {
      const form = await admin.get('/admin/organisations/new').expect(200);
      const before = await count('organisations');
      const res = await admin
        .post('/admin/organisations')
        .type('form')
        .send({ _csrf: csrfFrom(form.text), name: '  ', kind: '' })
        .expect(422);
      expect(res.text).toContain('href="#field-name"');
      expect(res.text).toContain('href="#field-kind"');
      expect(await count('organisations')).toBe(before);
    });

    it('creates, lists and updates organisations through the API', async () => {
      const csrf = await sessionCsrf(admin);
      const created = await admin
        .post('/api/v1/admin/organisations')
        .set('X-CSRF-Token', csrf)
        .send({ name: 'Kela, Lahti', kind: 'kela' })
        .expect(201);
      expect(created.body).toMatchObject({ name: 'Kela, Lahti', kind: 'kela', active: true });
      const patched = await admin
        .patch(`/api/v1/admin/organisations/${created.body.id}`)
        .set('X-CSRF-Token', csrf)
        .send({ active: false })
        .expect(200);
      expect(patched.body.active).toBe(false);
      const active = await admin.get('/api/v1/admin/organisations?active=true').expect(200);
      expect((active.body as { id: string }[]).some((o) => o.id === created.body.id)).toBe(false);
      await admin
        .post('/api/v1/admin/organisations')
        .set('X-CSRF-Token', csrf)
        .send({ name: 'X', kind: 'church' })
        .expect(422);
    });
  });

  describe('sites', () => {
    it('creates a site with opening hours through the form, and edits it', async () => {
      const form = await admin.get('/admin/sites/new').expect(200);
      expect(form.text).toContain('<legend>Monday</legend>');
      const res = await admin
        .post('/admin/sites')
        .type('form')
        .send({
          _csrf: csrfFrom(form.text),
          name: 'Ohjaamo Lahti',
          streetAddress: 'Aleksanterinkatu 18',
          postalCode: '15140',
          municipality: 'Lahti',
          region: 'Päijät-Häme',
          'opens-1-0': '10:00',
          'closes-1-0': '12:00',
          'opens-1-1': '13:00',
          'closes-1-1': '16:00',
          'opens-5-0': '',
          'closes-5-0': '',
          'opens-5-1': '10:00',
          'closes-5-1': '14:00',
        })
        .expect(303);
      const id = res.headers.location.split('/').pop();
      const [row] = await t.dataSource.query(
        `SELECT opening_hours, region FROM sites WHERE id = $1`,
        [id],
      );
      expect(row).toEqual({
        region: 'Päijät-Häme',
        opening_hours: {
          '1': [
            { opens: '10:00', closes: '12:00' },
            { opens: '13:00', closes: '16:00' },
          ],
          '5': [{ opens: '10:00', closes: '14:00' }],
        },
      });
      const edit = await admin.get(`/admin/sites/${id}`).expect(200);
      expect(edit.text).toContain('name="opens-1-1" type="time" value="13:00"');
      expect(edit.text).toContain('name="opens-5-0" type="time" value="10:00"');
    });

    it('puts opening-hours and postal-code errors next to their inputs and saves nothing', async () => {
      const form = await admin.get('/admin/sites/new').expect(200);
      const before = await count('sites');
      const res = await admin
        .post('/admin/sites')
        .type('form')
        .send({
          _csrf: csrfFrom(form.text),
          name: 'Ohjaamo Porvoo',
          streetAddress: 'Rauhankatu 20',
          postalCode: '0610',
          municipality: 'Porvoo',
          region: '',
          'opens-2-0': '',
          'closes-2-0': '',
          'opens-2-1': '16:00',
          'closes-2-1': '12:00',
          'opens-3-0': '25:00',
          'closes-3-0': '',
        })
        .expect(422);
      expect(await count('sites')).toBe(before);
      for (const name of ['postalCode', 'closes-2-1', 'opens-3-0', 'closes-3-0']) {
        expect(res.text).toContain(`href="#field-${name}"`);
        expect(res.text).toContain(`aria-describedby="error-${name}"`);
      }
      expect(res.text).toContain('name="opens-2-1" type="time" value="16:00"');
    });

    it('creates and updates sites through the API', async () => {
      const csrf = await sessionCsrf(admin);
      const created = await admin
        .post('/api/v1/admin/sites')
        .set('X-CSRF-Token', csrf)
        .send({
          name: 'Ohjaamo Kerava',
          streetAddress: 'Kauppakaari 1',
          postalCode: '04200',
          municipality: 'Kerava',
          openingHours: { '2': [{ opens: '12:00', closes: '16:00' }] },
        })
        .expect(201);
      expect(created.body).toMatchObject({ name: 'Ohjaamo Kerava', region: null, active: true });
      const patched = await admin
        .patch(`/api/v1/admin/sites/${created.body.id}`)
        .set('X-CSRF-Token', csrf)
        .send({ region: 'Keski-Uusimaa' })
        .expect(200);
      expect(patched.body.region).toBe('Keski-Uusimaa');
      const bad = await admin
        .patch(`/api/v1/admin/sites/${created.body.id}`)
        .set('X-CSRF-Token', csrf)
        .send({ openingHours: { '9': [] } })
        .expect(422);
      expect(bad.body.errors[0].field).toBe('openingHours.9');
      await admin.get('/api/v1/admin/sites/nope').expect(400);
    });
  });

  describe('weekly agency calendar', () => {
    let youth: Organisation;
    let kela: Organisation;

    beforeAll(async () => {
      youth = await fixtures.organisation('youth_services', 'Nuorisopalvelut');
      kela = await fixtures.organisation('kela', 'Kela');
    });

    it('saves the calendar from the editor and agencies-today reflects it', async () => {
      const site = await fixtures.site('Ohjaamo Rovaniemi');
      const today = helsinkiWeekday(new Date());
      const otherDay = (today % 7) + 1;
      const page = await admin.get(`/admin/sites/${site.id}/calendar`).expect(200);
      expect(page.text).toContain(`value="${youth.id}:${today}"`);
      expect(page.text).toContain('<th scope="row">Kela</th>');

      await admin
        .post(`/admin/sites/${site.id}/calendar`)
        .type('form')
        .send({
          _csrf: csrfFrom(page.text),
          presence: [`${youth.id}:${today}`, `${kela.id}:${otherDay}`],
        })
        .expect(303);
      const saved = await admin.get(`/admin/sites/${site.id}/calendar`).expect(200);
      expect(saved.text).toContain('The agency calendar was saved.');
      expect(saved.text).toMatch(new RegExp(`value="${youth.id}:${today}" id="[^"]+" checked`));

      const res = await adviser.get(`/api/v1/sites/${site.id}/agencies-today`).expect(200);
      expect(res.body).toMatchObject({ siteId: site.id, weekday: today });
      expect(res.body.agencies).toEqual([
        {
          organisationId: youth.id,
          organisationName: 'Nuorisopalvelut',
          organisationKind: 'youth_services',
          starts: null,
          ends: null,
        },
      ]);

      // Saving again replaces the calendar: an empty form empties it.
      await admin
        .post(`/admin/sites/${site.id}/calendar`)
        .type('form')
        .send({ _csrf: csrfFrom(saved.text) })
        .expect(303);
      const empty = await adviser.get(`/api/v1/sites/${site.id}/agencies-today`).expect(200);
      expect(empty.body.agencies).toEqual([]);
    });

    it('replaces the calendar through the API; the editor keeps hours it does not show', async () => {
      const site = await fixtures.site('Ohjaamo Porvoo');
      const today = helsinkiWeekday(new Date());
      const csrf = await sessionCsrf(admin);
      const put = await admin
        .put(`/api/v1/admin/sites/${site.id}/calendar`)
        .set('X-CSRF-Token', csrf)
        .send({
          entries: [
            { organisationId: kela.id, weekday: today, starts: '12:00', ends: '15:00' },
            { organisationId: youth.id, weekday: today },
          ],
        })
        .expect(200);
      expect(put.body.entries).toHaveLength(2);
      const got = await admin.get(`/api/v1/admin/sites/${site.id}/calendar`).expect(200);
      expect(got.body).toEqual(put.body);

      const page = await admin.get(`/admin/sites/${site.id}/calendar`).expect(200);
      expect(page.text).toContain('12:00–15:00');
      await admin
        .post(`/admin/sites/${site.id}/calendar`)
        .type('form')
        .send({ _csrf: csrfFrom(page.text), presence: `${kela.id}:${today}` })
        .expect(303);
      const res = await adviser.get(`/api/v1/sites/${site.id}/agencies-today`).expect(200);
      expect(res.body.agencies).toEqual([
        expect.objectContaining({ organisationId: kela.id, starts: '12:00', ends: '15:00' }),
      ]);

      const bad = await admin
        .put(`/api/v1/admin/sites/${site.id}/calendar`)
        .set('X-CSRF-Token', csrf)
        .send({ entries: [{ organisationId: kela.id, weekday: 8 }] })
        .expect(422);
      expect(bad.body.errors[0].field).toBe('entries.0.weekday');
    });

    it('refuses a tampered presence value', async () => {
      const site = await fixtures.site();
      const page = await admin.get(`/admin/sites/${site.id}/calendar`).expect(200);
      await admin
        .post(`/admin/sites/${site.id}/calendar`)
        .type('form')
        .send({ _csrf: csrfFrom(page.text), presence: 'drop table' })
        .expect(422);
      await admin
        .post(`/admin/sites/${site.id}/calendar`)
        .type('form')
        .send({ _csrf: csrfFrom(page.text), presence: `00000000-0000-4000-8000-000000000000:1` })
        .expect(422);
    });

    it('answers agencies-today for an unknown site with 404 and a malformed id with 400', async () => {
      await adviser
        .get('/api/v1/sites/00000000-0000-4000-8000-000000000000/agencies-today')
        .expect(404);
      const res = await adviser.get('/api/v1/sites/1/agencies-today').expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'id', code: 'isUUID' })]);
    });
  });
});
