import type TestAgent from 'supertest/lib/agent';
import { Fixtures, TEST_PASSWORD, unique } from '../helpers/fixtures';
import { csrfFrom, sessionCsrf, signedInAgent } from '../helpers/browser-session';
import { concretePath, registeredRoutes } from '../helpers/routes';
import { createTestApp, TestApp } from '../helpers/test-app';
import type { Organisation, Site } from '@ohjaamo/identity';

const NEW_PASSWORD = 'lumikki ja seitsemän kääpiötä';

describe('admin: staff users', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let organisation: Organisation;
  let site: Site;
  let admin: TestAgent;

  const countUsers = async (): Promise<number> =>
    Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM staff_users`))[0].n);

  /** The HTML block of one form field, found by its input id. */
  const fieldBlock = (html: string, name: string): string => {
    const at = html.indexOf(`id="field-${name}"`);
    if (at < 0) throw new Error(`no field ${name}`);
    const start = Math.max(
      html.lastIndexOf('<div class="field', at),
      html.lastIndexOf('<fieldset', at),
    );
    return html.slice(start, html.indexOf('>', at) + 1);
  };

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    fixtures = new Fixtures(t.app);
    organisation = await fixtures.organisation('youth_services', 'Helsingin nuorisopalvelut');
    site = await fixtures.site('Ohjaamo Helsinki');
    const adminUser = await fixtures.user({
      roles: ['admin'],
      organisation,
      sites: [site],
      email: 'admin@example.test',
    });
    admin = await signedInAgent(t.app, adminUser.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('HTML pages', () => {
    it('creates a user through the form and shows them on their page', async () => {
      const form = await admin.get('/admin/users/new').expect(200);
      expect(form.text).toContain('<legend>Roles');
      const before = await countUsers();
      const res = await admin
        .post('/admin/users')
        .type('form')
        .send({
          _csrf: csrfFrom(form.text),
          organisationId: organisation.id,
          email: 'Aino.Virtanen@Example.test',
          displayName: 'Aino Virtanen',
          password: NEW_PASSWORD,
          roles: ['adviser', 'front_desk'],
          siteIds: site.id,
          language: 'sv',
        })
        .expect(303);
      expect(res.headers.location).toMatch(/^\/admin\/users\/[0-9a-f-]{36}$/);
      expect(await countUsers()).toBe(before + 1);
      const [row] = await t.dataSource.query(
        `SELECT email, roles, language FROM staff_users WHERE id = $1`,
        [res.headers.location.split('/').pop()],
      );
      expect(row).toEqual({
        email: 'aino.virtanen@example.test',
        roles: ['front_desk', 'adviser'],
        language: 'sv',
      });

      const page = await admin.get(res.headers.location).expect(200);
      expect(page.text).toContain('The user was created.');
      expect(page.text).toContain('Aino Virtanen');
      expect(page.text).not.toContain('argon2');

      const list = await admin.get('/admin/users?q=virtanen').expect(200);
      expect(list.text).toContain('aino.virtanen@example.test');
      expect(list.text).toContain('Showing 1–1 of 1');
    });

    it('re-renders bad input with each error next to its field, keeps what was typed and saves nothing', async () => {
      const form = await admin.get('/admin/users/new').expect(200);
      const before = await countUsers();
      const res = await admin
        .post('/admin/users')
        .type('form')
        .send({
          _csrf: csrfFrom(form.text),
          organisationId: organisation.id,
          email: 'not-an-address',
          displayName: 'Eino Leino',
          password: 'short',
          siteIds: '00000000-0000-4000-8000-000000000000',
          language: 'fi',
        })
        .expect(422);
      expect(await countUsers()).toBe(before);
      for (const name of ['email', 'password', 'roles', 'siteIds']) {
        expect(fieldBlock(res.text, name)).toContain('field--error');
        expect(res.text).toContain(`href="#field-${name}"`);
      }
      expect(fieldBlock(res.text, 'email')).toContain('The e-mail address is not valid.');
      expect(fieldBlock(res.text, 'password')).toContain('at least 12 characters');
      expect(fieldBlock(res.text, 'roles')).toContain('Choose at least one.');
      expect(fieldBlock(res.text, 'displayName')).not.toContain('field--error');
      expect(res.text).toContain('value="not-an-address"');
      expect(res.text).toContain('value="Eino Leino"');
      expect(res.text).not.toContain('value="short"');
    });

    it('edits a user, then deactivates, reactivates and resets their two-factor authentication', async () => {
      const user = await fixtures.user({ roles: ['adviser'], organisation, sites: [site] });
      const other = await fixtures.site('Ohjaamo Espoo');
      const page = await admin.get(`/admin/users/${user.id}`).expect(200);
      expect(page.text).toContain(user.email);
      const csrf = csrfFrom(page.text);
      await admin
        .post(`/admin/users/${user.id}`)
        .type('form')
        .send({
          _csrf: csrf,
          displayName: 'Renamed Adviser',
          organisationId: organisation.id,
          roles: ['coordinator'],
          siteIds: [site.id, other.id],
          language: 'en',
        })
        .expect(303);
      const [row] = await t.dataSource.query(
        `SELECT display_name, roles FROM staff_users WHERE id = $1`,
        [user.id],
      );
      expect(row).toEqual({ display_name: 'Renamed Adviser', roles: ['coordinator'] });
      const sites = await t.dataSource.query(
        `SELECT site_id FROM staff_user_sites WHERE user_id = $1`,
        [user.id],
      );
      expect(sites).toHaveLength(2);

      await admin
        .post(`/admin/users/${user.id}/deactivate`)
        .type('form')
        .send({ _csrf: csrf })
        .expect(303);
      let status = await admin.get(`/admin/users/${user.id}`).expect(200);
      expect(status.text).toContain('The user was deactivated.');
      expect(status.text).toContain('tag--inactive');
      await admin
        .post(`/admin/users/${user.id}/reactivate`)
        .type('form')
        .send({ _csrf: csrf })
        .expect(303);
      await admin
        .post(`/admin/users/${user.id}/reset-mfa`)
        .type('form')
        .send({ _csrf: csrf })
        .expect(303);
      status = await admin.get(`/admin/users/${user.id}`).expect(200);
      expect(status.text).toContain('Two-factor authentication was reset');
      const actions = await t.dataSource.query(
        `SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY id`,
        [user.id],
      );
      expect(actions.map((a: { action: string }) => a.action)).toEqual([
        'admin.user_created',
        'admin.user_updated',
        'admin.user_deactivated',
        'admin.user_reactivated',
        'admin.mfa_reset',
      ]);
    });

    it('refuses a form post without the CSRF token', async () => {
      const before = await countUsers();
      await admin
        .post('/admin/users')
        .type('form')
        .send({
          organisationId: organisation.id,
          email: `x-${unique()}@example.test`,
          password: NEW_PASSWORD,
        })
        .expect(403);
      expect(await countUsers()).toBe(before);
    });

    it('answers a malformed id with 400 and an unknown one with 404', async () => {
      await admin.get('/admin/users/not-a-uuid').expect(400);
      await admin.get('/admin/users/00000000-0000-4000-8000-000000000000').expect(404);
    });
  });

  describe('REST API', () => {
    it('creates a user and never shows secrets', async () => {
      const csrf = await sessionCsrf(admin);
      const before = await countUsers();
      const res = await admin
        .post('/api/v1/admin/users')
        .set('X-CSRF-Token', csrf)
        .send({
          organisationId: organisation.id,
          email: 'matti.meikalainen@example.test',
          displayName: 'Matti Meikäläinen',
          password: NEW_PASSWORD,
          roles: ['adviser'],
          siteIds: [site.id],
          language: 'fi',
        })
        .expect(201);
      expect(res.body).toMatchObject({
        email: 'matti.meikalainen@example.test',
        roles: ['adviser'],
        siteIds: [site.id],
        active: true,
        mfaEnabled: false,
      });
      expect(await countUsers()).toBe(before + 1);
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/password|totp|hash/i);

      const got = await admin.get(`/api/v1/admin/users/${res.body.id}`).expect(200);
      expect(got.body.id).toBe(res.body.id);
      const list = await admin.get('/api/v1/admin/users?q=meikäläinen&limit=5').expect(200);
      expect(list.body).toMatchObject({ total: 1, limit: 5, offset: 0 });
      expect(JSON.stringify(list.body)).not.toMatch(/password|totp|hash/i);

      const patched = await admin
        .patch(`/api/v1/admin/users/${res.body.id}`)
        .set('X-CSRF-Token', csrf)
        .send({ displayName: 'Matti M.', roles: ['coordinator'] })
        .expect(200);
      expect(patched.body).toMatchObject({ displayName: 'Matti M.', roles: ['coordinator'] });
    });

    it('answers bad input with 422 field errors and saves nothing', async () => {
      const csrf = await sessionCsrf(admin);
      const before = await countUsers();
      const res = await admin
        .post('/api/v1/admin/users')
        .set('X-CSRF-Token', csrf)
        .send({
          organisationId: organisation.id,
          email: 'nope',
          displayName: 'X',
          password: 'short',
          roles: [],
          siteIds: ['00000000-0000-4000-8000-000000000000'],
          language: 'fi',
        })
        .expect(422);
      const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
      expect(fields).toEqual(['email', 'password', 'roles', 'siteIds.0']);
      expect(await countUsers()).toBe(before);

      const shape = await admin
        .post('/api/v1/admin/users')
        .set('X-CSRF-Token', csrf)
        .send({ organisationId: 'x', roles: ['pope'], extra: 1 })
        .expect(422);
      const shapeFields = (shape.body.errors as { field: string }[]).map((e) => e.field);
      expect(shapeFields).toEqual(
        expect.arrayContaining(['organisationId', 'roles', 'extra', 'email']),
      );
    });

    it('answers a malformed id with a 400 field error, never a 500', async () => {
      const res = await admin.get('/api/v1/admin/users/123').expect(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        errors: [{ field: 'id', code: 'isUUID' }],
      });
      const csrf = await sessionCsrf(admin);
      await admin.post('/api/v1/admin/users/123/deactivate').set('X-CSRF-Token', csrf).expect(400);
      await admin.get('/api/v1/admin/users/00000000-0000-4000-8000-000000000000').expect(404);
    });

    it('refuses a cookie-authenticated POST without X-CSRF-Token', async () => {
      const before = await countUsers();
      await admin
        .post('/api/v1/admin/users')
        .send({
          organisationId: organisation.id,
          email: `csrf-${unique()}@example.test`,
          displayName: 'No Token',
          password: NEW_PASSWORD,
          roles: ['adviser'],
          siteIds: [site.id],
          language: 'fi',
        })
        .expect(403);
      expect(await countUsers()).toBe(before);
    });
  });

  it('refuses an adviser every admin page and admin API route with 403', async () => {
    const adviser = await fixtures.user({ roles: ['adviser'], organisation, sites: [site] });
    const agent = await signedInAgent(t.app, adviser.email, TEST_PASSWORD);
    const csrf = await sessionCsrf(agent);
    const routes = registeredRoutes(t.app).filter(
      (r) => r.path.startsWith('/admin') || r.path.startsWith('/api/v1/admin'),
    );
    expect(routes.length).toBeGreaterThan(30);
    const problems: string[] = [];
    for (const route of routes) {
      const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      const res = await agent[method](concretePath(route.path)).set('X-CSRF-Token', csrf).send({});
      if (res.status !== 403) problems.push(`${route.method} ${route.path} answered ${res.status}`);
    }
    expect(problems).toEqual([]);
    const denied = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'access.denied' AND actor_user_id = $1`,
      [adviser.id],
    );
    expect(denied[0].n).toBe(routes.length);
  });

  it('publishes the API in the OpenAPI document without secret fields', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    const paths = Object.keys(res.body.paths as Record<string, unknown>);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/me',
        '/api/v1/tokens',
        '/api/v1/tokens/{id}',
        '/api/v1/admin/users',
        '/api/v1/admin/users/{id}',
        '/api/v1/admin/users/{id}/deactivate',
        '/api/v1/admin/organisations',
        '/api/v1/admin/sites/{id}/calendar',
        '/api/v1/sites/{id}/agencies-today',
        '/api/v1/admin/audit',
      ]),
    );
    expect(paths.some((p) => p.startsWith('/admin') || p.startsWith('/profile'))).toBe(false);
    const schemas = res.body.components.schemas as Record<
      string,
      { properties?: Record<string, unknown> }
    >;
    expect(Object.keys(schemas.StaffUserDto.properties ?? {})).not.toEqual(
      expect.arrayContaining(['passwordHash']),
    );
    expect(schemas.CreateStaffUserDto.properties).toHaveProperty('siteIds');
    expect(JSON.stringify(schemas)).not.toMatch(/passwordHash|totpSecret|tokenHash/);
  });
});
