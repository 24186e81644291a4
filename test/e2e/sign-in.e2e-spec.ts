import { Fixtures, TEST_PASSWORD } from '../helpers/fixtures';
import { csrfFrom, signedInAgent } from '../helpers/browser-session';
import { createTestApp, TestApp } from '../helpers/test-app';
import request from 'supertest';

describe('sign-in', () => {
  let t: TestApp;
  let fixtures: Fixtures;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    fixtures = new Fixtures(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  it('sends an anonymous visitor to sign-in and back to the page they wanted', async () => {
    const res = await t.http.get('/?tab=2').expect(303);
    expect(res.headers.location).toBe('/sign-in?return=%2F%3Ftab%3D2');
  });

  it('signs in with the right password and shows the home page', async () => {
    const user = await fixtures.user({ roles: ['adviser'] });
    const agent = await signedInAgent(t.app, user.email, TEST_PASSWORD);
    const home = await agent.get('/').expect(200);
    expect(home.text).toContain(user.displayName);
    expect(home.headers['cache-control']).toBe('no-store');
  });

  it('refuses a sign-in form posted without its CSRF token', async () => {
    const user = await fixtures.user({ roles: ['adviser'] });
    const agent = request.agent(t.app.getHttpServer());
    await agent.get('/sign-in');
    await agent
      .post('/sign-in')
      .type('form')
      .send({ email: user.email, password: TEST_PASSWORD })
      .expect(403);
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const user = await fixtures.user({ roles: ['adviser'] });
    const attempt = async (email: string, password: string) => {
      const agent = request.agent(t.app.getHttpServer());
      const form = await agent.get('/sign-in');
      return agent
        .post('/sign-in')
        .type('form')
        .send({ email, password, _csrf: csrfFrom(form.text) });
    };
    const wrong = await attempt(user.email, 'not the password at all');
    const unknown = await attempt('nobody@example.test', 'not the password at all');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const message = (html: string) =>
      /<div class="error-summary"[^>]*><p>([^<]+)<\/p>/.exec(html)?.[1];
    expect(message(wrong.text)).toBeDefined();
    expect(message(wrong.text)).toBe(message(unknown.text));
  });
});
