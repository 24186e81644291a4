import request from 'supertest';
import { csrfFrom, sessionCsrf, signedInAgent } from '../helpers/browser-session';
import { Fixtures, TEST_PASSWORD } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';

describe('sessions, sign-out and lockout', () => {
  let t: TestApp;
  let fixtures: Fixtures;

  beforeAll(async () => {
    t = await createTestApp({
      MFA_REQUIRED_ROLES: 'none',
      LOCKOUT_THRESHOLD: '5',
      LOCKOUT_MINUTES: '15',
    });
    fixtures = new Fixtures(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  const audit = async (
    userId: string,
  ): Promise<{ action: string; outcome: string; details: Record<string, unknown> }[]> =>
    t.dataSource.query(
      `SELECT action, outcome, details FROM audit_log WHERE subject_id = $1::text ORDER BY id`,
      [userId],
    );

  async function attempt(email: string, password: string) {
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/sign-in');
    return agent
      .post('/sign-in')
      .type('form')
      .send({ email, password, _csrf: csrfFrom(form.text) });
  }

  it('sign-out ends the session on the server: the old cookie no longer works', async () => {
    const user = await fixtures.user({ roles: ['adviser'] });
    const agent = await signedInAgent(t.app, user.email, TEST_PASSWORD);
    const page = await agent.get('/').expect(200);
    const cookie = page.request.cookies;
    await agent
      .post('/sign-out')
      .type('form')
      .send({ _csrf: csrfFrom(page.text) })
      .expect(303);
    // Replaying the old session cookie, as a stolen copy would.
    const replay = await request(t.app.getHttpServer()).get('/').set('Cookie', cookie).expect(303);
    expect(replay.headers.location).toMatch(/^\/sign-in/);
    const rows = await audit(user.id);
    expect(rows.map((r) => r.action)).toEqual([
      'admin.user_created',
      'auth.sign_in',
      'auth.sign_out',
      'auth.session_expired',
    ]);
    expect(rows[3].details).toEqual({ reason: 'ended' });
  });

  it('refuses sign-out without the session CSRF token', async () => {
    const user = await fixtures.user({ roles: ['adviser'] });
    const agent = await signedInAgent(t.app, user.email, TEST_PASSWORD);
    await agent.post('/sign-out').type('form').send({}).expect(403);
    await agent.get('/').expect(200);
  });

  it('ends a session idle for longer than 30 minutes, and returns the user to their page after signing in', async () => {
    const user = await fixtures.user({ roles: ['adviser'] });
    const agent = await signedInAgent(t.app, user.email, TEST_PASSWORD);
    await t.dataSource.query(
      `UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`,
      [user.id],
    );
    const expired = await agent.get('/?view=mine').expect(303);
    expect(expired.headers.location).toBe('/sign-in?return=%2F%3Fview%3Dmine');
    const timedOut = (await audit(user.id)).filter((r) => r.action === 'auth.session_expired');
    expect(timedOut.map((r) => r.details)).toEqual([{ reason: 'idle_timeout' }]);
    const form = await agent.get(String(expired.headers.location)).expect(200);
    const back = await agent
      .post('/sign-in')
      .type('form')
      .send({
        email: user.email,
        password: TEST_PASSWORD,
        return: '/?view=mine',
        _csrf: csrfFrom(form.text),
      })
      .expect(303);
    expect(back.headers.location).toBe('/?view=mine');
  });

  it('ends a session at its absolute expiry however active it is', async () => {
    const user = await fixtures.user({ roles: ['adviser'] });
    const agent = await signedInAgent(t.app, user.email, TEST_PASSWORD);
    await agent.get('/').expect(200);
    await t.dataSource.query(
      `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [user.id],
    );
    await agent.get('/').expect(303);
    const timedOut = (await audit(user.id)).filter((r) => r.action === 'auth.session_expired');
    expect(timedOut.map((r) => r.details)).toEqual([{ reason: 'absolute_timeout' }]);
    // The stale cookie was dropped: the next request is simply anonymous, with no new row.
    await agent.get('/').expect(303);
    expect((await audit(user.id)).filter((r) => r.action === 'auth.session_expired')).toHaveLength(
      1,
    );
  });

  it('sets the session cookie httpOnly and SameSite', async () => {
    const user = await fixtures.user({ roles: ['adviser'] });
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/sign-in');
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send({ email: user.email, password: TEST_PASSWORD, _csrf: csrfFrom(form.text) });
    const setCookie = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('ohjaamo_session='));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
  });

  it('locks an account after 5 failed sign-ins, with the same answer as a wrong password, and unlocks it later', async () => {
    const user = await fixtures.user({ roles: ['adviser'] });
    const failures = [];
    for (let i = 0; i < 5; i++)
      failures.push(await attempt(user.email, 'wrong password number ' + i));
    expect(failures.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    const locked = await attempt(user.email, TEST_PASSWORD);
    expect(locked.status).toBe(401);
    const message = (html: string) =>
      /<div class="error-summary"[^>]*><p>([^<]+)<\/p>/.exec(html)?.[1];
    expect(message(locked.text)).toBe(message(failures[0].text));

    const rows = await audit(user.id);
    const reasons = rows
      .filter((r) => r.action === 'auth.sign_in_failed')
      .map((r) => r.details.reason);
    expect(reasons).toEqual([
      'bad_password',
      'bad_password',
      'bad_password',
      'bad_password',
      'bad_password',
      'locked',
    ]);

    await t.dataSource.query(
      `UPDATE staff_users SET locked_until = now() - interval '1 second' WHERE id = $1`,
      [user.id],
    );
    expect((await attempt(user.email, TEST_PASSWORD)).status).toBe(303);
  });

  it('keeps the form token bound to the browser: a token from another browser is refused', async () => {
    const user = await fixtures.user({ roles: ['adviser'] });
    const agent = await signedInAgent(t.app, user.email, TEST_PASSWORD);
    const other = await signedInAgent(t.app, user.email, TEST_PASSWORD);
    await agent
      .post('/sign-out')
      .type('form')
      .send({ _csrf: await sessionCsrf(other) })
      .expect(403);
  });
});
