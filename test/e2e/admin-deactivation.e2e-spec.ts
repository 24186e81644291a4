import { Fixtures, TEST_PASSWORD } from '../helpers/fixtures';
import { csrfFrom, sessionCsrf, signedInAgent } from '../helpers/browser-session';
import { createTestApp, TestApp } from '../helpers/test-app';
import type TestAgent from 'supertest/lib/agent';

describe('admin: deactivating a user', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let admin: TestAgent;

  const tokenFor = async (agent: TestAgent): Promise<string> => {
    const res = await agent
      .post('/api/v1/tokens')
      .set('X-CSRF-Token', await sessionCsrf(agent))
      .send({
        name: 'script',
        scopes: ['sites.read'],
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      })
      .expect(201);
    return res.body.token as string;
  };

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    fixtures = new Fixtures(t.app);
    const adminUser = await fixtures.user({ roles: ['admin'] });
    admin = await signedInAgent(t.app, adminUser.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await t.close();
  });

  it('ends their session and stops their token at once (HTML form)', async () => {
    const user = await fixtures.user({ roles: ['adviser'] });
    const agent = await signedInAgent(t.app, user.email, TEST_PASSWORD);
    const token = await tokenFor(agent);
    await agent.get('/').expect(200);
    await t.http.get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(200);

    const page = await admin.get(`/admin/users/${user.id}`).expect(200);
    await admin
      .post(`/admin/users/${user.id}/deactivate`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) })
      .expect(303);

    const next = await agent.get('/profile').expect(303);
    expect(next.headers.location).toBe('/sign-in?return=%2Fprofile');
    await agent.get('/api/v1/me').expect(401);
    await t.http.get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(401);
    const [row] = await t.dataSource.query(
      `SELECT details FROM audit_log WHERE action = 'admin.user_deactivated' AND subject_id = $1`,
      [user.id],
    );
    expect(row.details).toEqual({ sessionsEnded: 1, tokensRevoked: 1 });
  });

  it('ends their session and stops their token at once (API)', async () => {
    const user = await fixtures.user({ roles: ['coordinator'] });
    const agent = await signedInAgent(t.app, user.email, TEST_PASSWORD);
    const token = await tokenFor(agent);
    await admin
      .post(`/api/v1/admin/users/${user.id}/deactivate`)
      .set('X-CSRF-Token', await sessionCsrf(admin))
      .expect(204);
    expect((await agent.get('/').expect(303)).headers.location).toMatch(/^\/sign-in/);
    await t.http.get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(401);
    const got = await admin.get(`/api/v1/admin/users/${user.id}`).expect(200);
    expect(got.body).toMatchObject({ active: false });
    expect(got.body.deactivatedAt).toEqual(expect.any(String));

    // Reactivation brings the account back, not the old session or token.
    await admin
      .post(`/api/v1/admin/users/${user.id}/reactivate`)
      .set('X-CSRF-Token', await sessionCsrf(admin))
      .expect(204);
    await agent.get('/').expect(303);
    await t.http.get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(401);
    await signedInAgent(t.app, user.email, TEST_PASSWORD);
  });

  it('does not let an admin deactivate themself', async () => {
    const me = await admin.get('/api/v1/me').expect(200);
    const page = await admin.get(`/admin/users/${me.body.id}`).expect(200);
    expect(page.text).not.toContain(`/admin/users/${me.body.id}/deactivate`);
    await admin
      .post(`/admin/users/${me.body.id}/deactivate`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) })
      .expect(303);
    const after = await admin.get(`/admin/users/${me.body.id}`).expect(200);
    expect(after.text).toContain('You cannot deactivate your own account.');
    const api = await admin
      .post(`/api/v1/admin/users/${me.body.id}/deactivate`)
      .set('X-CSRF-Token', await sessionCsrf(admin))
      .expect(422);
    expect(api.body.errors).toEqual([
      expect.objectContaining({ field: 'id', code: 'cannotDeactivateSelf' }),
    ]);
  });
});
