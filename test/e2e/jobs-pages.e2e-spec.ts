import { csrfFrom, signedInAgent } from '../helpers/browser-session';
import { Fixtures, TEST_PASSWORD } from '../helpers/fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';

describe('notification inbox and queue dashboard', () => {
  let t: TestApp;
  let fixtures: Fixtures;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    fixtures = new Fixtures(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  const notify = (recipientId: string, days: number) =>
    t.dataSource.query(
      `INSERT INTO notifications (recipient_id, kind, message_key, params, link)
       VALUES ($1, 'no_contact', 'messages.no_contact', $2, '/clients/00000000-0000-4000-8000-000000000001')`,
      [recipientId, JSON.stringify({ days })],
    );

  it('shows a worker their own notifications in their language, with the unread count, and marks them read', async () => {
    const worker = await fixtures.user({ roles: ['adviser'], language: 'en' });
    const other = await fixtures.user({ roles: ['adviser'], language: 'en' });
    await notify(worker.id, 60);
    await notify(worker.id, 61);
    await notify(other.id, 99);
    const agent = await signedInAgent(t.app, worker.email, TEST_PASSWORD);

    const page = await agent.get('/notifications').expect(200);
    expect(page.text).toContain('has had no contact for 60 days');
    expect(page.text).not.toContain('99 days');
    expect(page.text).toContain('<span class="badge">2</span>');
    expect((await agent.get('/api/v1/notifications/unread-count').expect(200)).body).toEqual({
      unread: 2,
    });

    // Forms without the CSRF token are refused.
    await agent.post('/notifications/read-all').type('form').send({}).expect(403);

    const [first] = await t.dataSource.query(
      `SELECT id FROM notifications WHERE recipient_id = $1 ORDER BY created_at LIMIT 1`,
      [worker.id],
    );
    await agent
      .post(`/notifications/${first.id}/read`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) })
      .expect(303);
    expect((await agent.get('/api/v1/notifications/unread-count')).body).toEqual({ unread: 1 });

    // Another user's notification id changes nothing.
    const [foreign] = await t.dataSource.query(
      `SELECT id FROM notifications WHERE recipient_id = $1`,
      [other.id],
    );
    await agent
      .post(`/notifications/${foreign.id}/read`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) })
      .expect(303);
    const [still] = await t.dataSource.query(`SELECT read_at FROM notifications WHERE id = $1`, [
      foreign.id,
    ]);
    expect(still.read_at).toBeNull();

    await agent
      .post('/notifications/read-all')
      .type('form')
      .send({ _csrf: csrfFrom(page.text) })
      .expect(303);
    expect((await agent.get('/api/v1/notifications/unread-count')).body).toEqual({ unread: 0 });
  });

  it('shows the queue dashboard to admins only', async () => {
    const admin = await fixtures.user({ roles: ['admin'] });
    const adminAgent = await signedInAgent(t.app, admin.email, TEST_PASSWORD);
    const page = await adminAgent.get('/admin/queues').expect(200);
    expect(page.text).toContain('notifications');
    expect(page.text).toContain('maintenance');

    for (const role of ['front_desk', 'adviser', 'coordinator'] as const) {
      const user = await fixtures.user({ roles: [role] });
      const agent = await signedInAgent(t.app, user.email, TEST_PASSWORD);
      const denied = await agent.get('/admin/queues');
      expect([403, 404]).toContain(denied.status);
      const retry = await agent
        .post('/admin/queues/notifications/jobs/x/retry')
        .type('form')
        .send({ _csrf: csrfFrom((await agent.get('/notifications')).text) });
      expect([403, 404]).toContain(retry.status);
    }
    await t.http.get('/admin/queues').expect((res) => {
      expect([302, 303, 401]).toContain(res.status);
    });
  });
});
