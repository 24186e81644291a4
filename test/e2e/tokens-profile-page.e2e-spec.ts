import { Fixtures, TEST_PASSWORD } from '../helpers/fixtures';
import { csrfFrom, signedInAgent } from '../helpers/browser-session';
import { createTestApp, TestApp } from '../helpers/test-app';

const NEW_PASSWORD = 'vaahtokarkki ja lakritsi';

describe('profile page', () => {
  let t: TestApp;
  let fixtures: Fixtures;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    fixtures = new Fixtures(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows the user their own data and offers only their own permissions as scopes', async () => {
    const user = await fixtures.user({ roles: ['front_desk'] });
    const agent = await signedInAgent(t.app, user.email, TEST_PASSWORD);
    const page = await agent.get('/profile').expect(200);
    expect(page.text).toContain(user.email);
    expect(page.text).toContain('Front desk');
    expect(page.text).toContain('value="sites.read"');
    expect(page.text).not.toContain('value="admin.users"');
    expect(page.text).not.toContain('value="audit.search"');
  });

  it('saves the language and shows the pages in it', async () => {
    const user = await fixtures.user({ roles: ['adviser'], language: 'en' });
    const agent = await signedInAgent(t.app, user.email, TEST_PASSWORD);
    const page = await agent.get('/profile').expect(200);
    await agent
      .post('/profile/language')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), language: 'sv' })
      .expect(303);
    const after = await agent.get('/profile').expect(200);
    expect(after.text).toContain('<html lang="sv">');
    expect(after.text).toContain('Språket sparades.');
    const [row] = await t.dataSource.query(`SELECT language FROM staff_users WHERE id = $1`, [
      user.id,
    ]);
    expect(row.language).toBe('sv');

    const bad = await agent
      .post('/profile/language')
      .type('form')
      .send({ _csrf: csrfFrom(after.text), language: 'de' })
      .expect(422);
    expect(bad.text).toContain('href="#field-language"');
  });

  it('changes the password, keeping this session and ending the others', async () => {
    const user = await fixtures.user({ roles: ['coordinator'] });
    const agent = await signedInAgent(t.app, user.email, TEST_PASSWORD);
    const elsewhere = await signedInAgent(t.app, user.email, TEST_PASSWORD);
    const page = await agent.get('/profile').expect(200);
    const csrf = csrfFrom(page.text);

    const wrong = await agent
      .post('/profile/password')
      .type('form')
      .send({
        _csrf: csrf,
        currentPassword: 'not my password',
        newPassword: NEW_PASSWORD,
        repeatPassword: NEW_PASSWORD,
      })
      .expect(422);
    expect(wrong.text).toContain('href="#field-currentPassword"');
    expect(wrong.text).not.toContain('not my password');

    const mismatch = await agent
      .post('/profile/password')
      .type('form')
      .send({
        _csrf: csrf,
        currentPassword: TEST_PASSWORD,
        newPassword: NEW_PASSWORD,
        repeatPassword: 'something else',
      })
      .expect(422);
    expect(mismatch.text).toContain('The passwords do not match.');

    const weak = await agent
      .post('/profile/password')
      .type('form')
      .send({
        _csrf: csrf,
        currentPassword: TEST_PASSWORD,
        newPassword: 'short',
        repeatPassword: 'short',
      })
      .expect(422);
    expect(weak.text).toContain('href="#field-newPassword"');

    await agent
      .post('/profile/password')
      .type('form')
      .send({
        _csrf: csrf,
        currentPassword: TEST_PASSWORD,
        newPassword: NEW_PASSWORD,
        repeatPassword: NEW_PASSWORD,
      })
      .expect(303);
    const after = await agent.get('/profile').expect(200);
    expect(after.text).toContain('Your password was changed.');
    await elsewhere.get('/').expect(303);
    await signedInAgent(t.app, user.email, NEW_PASSWORD);
  });

  it('sends a signed-out visitor to sign-in', async () => {
    const res = await t.http.get('/profile').expect(303);
    expect(res.headers.location).toBe('/sign-in?return=%2Fprofile');
  });
});
