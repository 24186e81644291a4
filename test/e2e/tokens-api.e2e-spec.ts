import type { Organisation, Site, StaffUser } from '@ohjaamo/identity';
import type TestAgent from 'supertest/lib/agent';
import { Fixtures, TEST_PASSWORD } from '../helpers/fixtures';
import { csrfFrom, sessionCsrf, signedInAgent } from '../helpers/browser-session';
import { createTestApp, TestApp } from '../helpers/test-app';

const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

describe('personal access tokens', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let organisation: Organisation;
  let site: Site;
  let adminUser: StaffUser;
  let admin: TestAgent;

  const create = async (
    agent: TestAgent,
    scopes: string[],
    name = 'script',
  ): Promise<{ id: string; token: string }> => {
    const res = await agent
      .post('/api/v1/tokens')
      .set('X-CSRF-Token', await sessionCsrf(agent))
      .send({ name, scopes, expiresAt: inDays(30) })
      .expect(201);
    return res.body as { id: string; token: string };
  };
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    fixtures = new Fixtures(t.app);
    organisation = await fixtures.organisation('kela', 'Kela');
    site = await fixtures.site();
    adminUser = await fixtures.user({ roles: ['admin'], organisation, sites: [site] });
    admin = await signedInAgent(t.app, adminUser.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a token through the profile page and shows it once', async () => {
    const profile = await admin.get('/profile').expect(200);
    expect(profile.text).toContain('Personal access tokens');
    const res = await admin
      .post('/profile/tokens')
      .type('form')
      .send({
        _csrf: csrfFrom(profile.text),
        name: 'Report script',
        scopes: ['sites.read', 'profile.manage'],
        expiresOn: inDays(10).slice(0, 10),
      })
      .expect(201);
    const token = /value="(ohj_[A-Za-z0-9_-]{43})"/.exec(res.text)?.[1];
    expect(token).toBeDefined();
    expect(res.text).toContain('Copy the token now');

    const me = await t.http.get('/api/v1/me').set(bearer(token!)).expect(200);
    expect(me.body).toMatchObject({
      id: adminUser.id,
      email: adminUser.email,
      organisation: { id: organisation.id, name: 'Kela', kind: 'kela' },
      roles: ['admin'],
      siteIds: [site.id],
      language: 'en',
      permissions: ['profile.manage', 'sites.read'],
    });
    const again = await admin.get('/profile').expect(200);
    expect(again.text).toContain('Report script');
    expect(again.text).not.toContain(token!);
    const [row] = await t.dataSource.query(
      `SELECT token_hash FROM access_tokens WHERE name = 'Report script'`,
    );
    expect(row.token_hash).not.toContain(token!.slice(4));
  });

  it('creates a token through the API and lists it without its secret', async () => {
    const created = await create(admin, ['admin.users', 'tokens.manage'], 'API admin');
    expect(created.token).toMatch(/^ohj_/);
    const list = await admin.get('/api/v1/tokens').expect(200);
    const listed = (list.body as { id: string }[]).find((tk) => tk.id === created.id);
    expect(listed).toMatchObject({
      name: 'API admin',
      scopes: ['admin.users', 'tokens.manage'],
      revokedAt: null,
    });
    expect(JSON.stringify(list.body)).not.toMatch(/ohj_|hash/i);
  });

  it('lets a token use only its scopes, even for an admin user', async () => {
    const narrow = await create(admin, ['sites.read']);
    const res = await t.http.get('/api/v1/admin/users').set(bearer(narrow.token)).expect(403);
    expect(res.body.error).toBe('forbidden');
    await t.http.get('/admin/users').set(bearer(narrow.token)).expect(403);
    const wide = await create(admin, ['admin.users']);
    await t.http.get('/api/v1/admin/users').set(bearer(wide.token)).expect(200);
  });

  it('needs no CSRF token with a bearer token, but a cookie-authenticated POST does', async () => {
    const manager = await create(admin, ['tokens.manage']);
    const made = await t.http
      .post('/api/v1/tokens')
      .set(bearer(manager.token))
      .send({ name: 'from a script', scopes: ['tokens.manage'], expiresAt: inDays(5) })
      .expect(201);
    expect(made.body.token).toMatch(/^ohj_/);
    await admin
      .post('/api/v1/tokens')
      .send({ name: 'no csrf', scopes: ['sites.read'], expiresAt: inDays(5) })
      .expect(403);
    await admin.delete(`/api/v1/tokens/${manager.id}`).expect(403);
  });

  it('does not let a token make a token that can do more than itself', async () => {
    const manager = await create(admin, ['tokens.manage']);
    const res = await t.http
      .post('/api/v1/tokens')
      .set(bearer(manager.token))
      .send({ name: 'escalate', scopes: ['tokens.manage', 'admin.users'], expiresAt: inDays(5) })
      .expect(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'scopes.1', code: 'scopeNotHeld' }),
    ]);
  });

  it('refuses an expired token with 401', async () => {
    const created = await create(admin, ['sites.read']);
    await t.http.get('/api/v1/me').set(bearer(created.token)).expect(200);
    await t.dataSource.query(
      `UPDATE access_tokens SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [created.id],
    );
    const res = await t.http.get('/api/v1/me').set(bearer(created.token)).expect(401);
    expect(res.body.error).toBe('token_invalid');
  });

  it('refuses a revoked token with 401 (API and profile page)', async () => {
    const viaApi = await create(admin, ['sites.read']);
    await admin
      .delete(`/api/v1/tokens/${viaApi.id}`)
      .set('X-CSRF-Token', await sessionCsrf(admin))
      .expect(204);
    await t.http.get('/api/v1/me').set(bearer(viaApi.token)).expect(401);

    const viaPage = await create(admin, ['sites.read']);
    const profile = await admin.get('/profile').expect(200);
    expect(profile.text).toContain(`/profile/tokens/${viaPage.id}/revoke`);
    await admin
      .post(`/profile/tokens/${viaPage.id}/revoke`)
      .type('form')
      .send({ _csrf: csrfFrom(profile.text) })
      .expect(303);
    await t.http.get('/api/v1/me').set(bearer(viaPage.token)).expect(401);
    const after = await admin.get('/profile').expect(200);
    expect(after.text).toContain('The token was revoked.');
    expect(after.text).not.toContain(`/profile/tokens/${viaPage.id}/revoke`);
  });

  it('answers a scope the user lacks with a field error (API and page)', async () => {
    const adviser = await fixtures.user({ roles: ['adviser'], organisation, sites: [site] });
    const agent = await signedInAgent(t.app, adviser.email, TEST_PASSWORD);
    const api = await agent
      .post('/api/v1/tokens')
      .set('X-CSRF-Token', await sessionCsrf(agent))
      .send({ name: 'too much', scopes: ['sites.read', 'admin.users'], expiresAt: inDays(5) })
      .expect(422);
    expect(api.body.errors).toEqual([
      expect.objectContaining({
        field: 'scopes.1',
        code: 'scopeNotHeld',
        message: expect.any(String),
      }),
    ]);

    const profile = await agent.get('/profile').expect(200);
    expect(profile.text).not.toContain('value="admin.users"');
    const page = await agent
      .post('/profile/tokens')
      .type('form')
      .send({
        _csrf: csrfFrom(profile.text),
        name: 'too much',
        scopes: 'admin.users',
        expiresOn: inDays(5).slice(0, 10),
      })
      .expect(422);
    expect(page.text).toContain('href="#field-scopes"');
    expect(page.text).toMatch(
      /<fieldset class="field fieldset field--error"[^>]*aria-describedby="error-scopes"/,
    );
    expect(page.text).toContain('<p class="field-error" id="error-scopes">');
    expect(page.text).toContain('value="too much"');
    const count = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM access_tokens WHERE user_id = $1`,
      [adviser.id],
    );
    expect(count[0].n).toBe(0);
  });

  it('answers bad token input and malformed ids field by field', async () => {
    const csrf = await sessionCsrf(admin);
    const res = await admin
      .post('/api/v1/tokens')
      .set('X-CSRF-Token', csrf)
      .send({ name: ' ', scopes: [], expiresAt: 'tomorrow' })
      .expect(422);
    expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['expiresAt']);
    const past = await admin
      .post('/api/v1/tokens')
      .set('X-CSRF-Token', csrf)
      .send({ name: ' ', scopes: [], expiresAt: inDays(-1) })
      .expect(422);
    expect((past.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'expiresAt',
      'name',
      'scopes',
    ]);
    await admin.delete('/api/v1/tokens/xyz').set('X-CSRF-Token', csrf).expect(400);
    await admin
      .delete('/api/v1/tokens/00000000-0000-4000-8000-000000000000')
      .set('X-CSRF-Token', csrf)
      .expect(404);
  });

  it('records token.created and token.revoked in the audit log', async () => {
    const created = await create(admin, ['sites.read']);
    await admin
      .delete(`/api/v1/tokens/${created.id}`)
      .set('X-CSRF-Token', await sessionCsrf(admin))
      .expect(204);
    const rows = await t.dataSource.query(
      `SELECT action, actor_user_id FROM audit_log WHERE subject_id = $1 ORDER BY id`,
      [created.id],
    );
    expect(rows).toEqual([
      { action: 'token.created', actor_user_id: adminUser.id },
      { action: 'token.revoked', actor_user_id: adminUser.id },
    ]);
  });
});
