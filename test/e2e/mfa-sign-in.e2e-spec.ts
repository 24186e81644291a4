import request from 'supertest';
import { csrfFrom } from '../helpers/browser-session';
import { Fixtures, TEST_PASSWORD } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';
import { totpCode } from '../helpers/totp';

describe('two-factor sign-in over HTTP', () => {
  let t: TestApp;
  let fixtures: Fixtures;

  beforeAll(async () => {
    // The production default: two factors for every role that reads client records.
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'front_desk,adviser,admin' });
    fixtures = new Fixtures(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  async function passwordStep(email: string) {
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/sign-in?return=%2F%3Fafter%3Dmfa');
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send({ email, password: TEST_PASSWORD, return: '/?after=mfa', _csrf: csrfFrom(form.text) })
      .expect(303);
    return { agent, location: String(res.headers.location) };
  }

  async function auditActions(userId: string): Promise<string[]> {
    const rows: { action: string }[] = await t.dataSource.query(
      `SELECT action FROM audit_log WHERE subject_id = $1::text OR actor_user_id::text = $1::text ORDER BY id`,
      [userId],
    );
    return rows.map((r) => r.action);
  }

  it('makes an adviser enrol by QR code, gives recovery codes, then asks for a code at every sign-in', async () => {
    const user = await fixtures.user({ roles: ['adviser'] });

    // 1. Password accepted: enrolment is the only page open to this half-signed-in session.
    const first = await passwordStep(user.email);
    expect(first.location).toBe('/mfa/enrol?return=%2F%3Fafter%3Dmfa');
    expect((await first.agent.get('/').expect(303)).headers.location).toMatch(/^\/sign-in\/mfa/);
    const enrolPage = await first.agent.get(first.location).expect(200);
    expect(enrolPage.text).toContain('src="data:image/png;base64,');
    const secret = /<code>([A-Z2-7]+)<\/code>/.exec(enrolPage.text)?.[1];
    expect(secret).toBeDefined();

    // A wrong code is refused and nothing is enabled.
    await first.agent
      .post('/mfa/enrol')
      .type('form')
      .send({ code: '000000', _csrf: csrfFrom(enrolPage.text) })
      .expect(422);
    const retryPage = await first.agent.get('/mfa/enrol').expect(200);
    const retrySecret = /<code>([A-Z2-7]+)<\/code>/.exec(retryPage.text)![1];
    const done = await first.agent
      .post('/mfa/enrol')
      .type('form')
      .send({
        code: await totpCode(retrySecret),
        return: '/?after=mfa',
        _csrf: csrfFrom(retryPage.text),
      })
      .expect(200);
    const codes = [...done.text.matchAll(/<li>([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})<\/li>/gi)].map(
      (m) => m[1],
    );
    expect(codes).toHaveLength(10);
    await first.agent.get('/').expect(200);

    // 2. Next sign-in: the code step; a wrong code is refused, the right one lets them in.
    const second = await passwordStep(user.email);
    expect(second.location).toBe('/sign-in/mfa?return=%2F%3Fafter%3Dmfa');
    const mfaPage = await second.agent.get(second.location).expect(200);
    await second.agent
      .post('/sign-in/mfa')
      .type('form')
      .send({ code: '123456', _csrf: csrfFrom(mfaPage.text) })
      .expect(401);
    const ok = await second.agent
      .post('/sign-in/mfa')
      .type('form')
      .send({
        code: await totpCode(retrySecret, 30),
        return: '/?after=mfa',
        _csrf: csrfFrom(mfaPage.text),
      })
      .expect(303);
    expect(ok.headers.location).toBe('/?after=mfa');
    await second.agent.get('/').expect(200);

    // 3. A recovery code works once, and only once.
    const third = await passwordStep(user.email);
    const page3 = await third.agent.get(third.location).expect(200);
    await third.agent
      .post('/sign-in/mfa')
      .type('form')
      .send({ code: codes[0], _csrf: csrfFrom(page3.text) })
      .expect(303);
    const fourth = await passwordStep(user.email);
    const page4 = await fourth.agent.get(fourth.location).expect(200);
    await fourth.agent
      .post('/sign-in/mfa')
      .type('form')
      .send({ code: codes[0], _csrf: csrfFrom(page4.text) })
      .expect(401);

    const actions = await auditActions(user.id);
    expect(actions).toEqual(
      expect.arrayContaining(['auth.mfa_enrolled', 'auth.sign_in', 'auth.recovery_code_used']),
    );
    expect(actions.filter((a) => a === 'auth.sign_in')).toHaveLength(3);
  });

  it('gives a new session id at sign-in and again after the second factor', async () => {
    const user = await fixtures.user({ roles: ['adviser'] });
    const { agent, location } = await passwordStep(user.email);
    const enrol = await agent.get(location).expect(200);
    const secret = /<code>([A-Z2-7]+)<\/code>/.exec(enrol.text)![1];
    const before: { id_hash: string }[] = await t.dataSource.query(
      `SELECT id_hash FROM sessions WHERE user_id = $1 AND ended_at IS NULL`,
      [user.id],
    );
    await agent
      .post('/mfa/enrol')
      .type('form')
      .send({ code: await totpCode(secret), _csrf: csrfFrom(enrol.text) })
      .expect(200);
    const after: { id_hash: string }[] = await t.dataSource.query(
      `SELECT id_hash FROM sessions WHERE user_id = $1 AND ended_at IS NULL`,
      [user.id],
    );
    expect(before).toHaveLength(1);
    expect(after).toHaveLength(1);
    expect(after[0].id_hash).not.toBe(before[0].id_hash);
  });

  it('does not ask a coordinator (who reads no client records) for a second factor', async () => {
    const user = await fixtures.user({ roles: ['coordinator'] });
    const { location } = await passwordStep(user.email);
    expect(location).toBe('/?after=mfa');
  });
});
