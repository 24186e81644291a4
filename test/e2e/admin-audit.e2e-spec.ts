import type { StaffUser } from '@ohjaamo/identity';
import type TestAgent from 'supertest/lib/agent';
import { helsinkiDate } from '@ohjaamo/platform';
import { Fixtures, TEST_PASSWORD } from '../helpers/fixtures';
import { csrfFrom, sessionCsrf, signedInAgent } from '../helpers/browser-session';
import { createTestApp, TestApp } from '../helpers/test-app';

describe('admin: audit log search', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let admin: TestAgent;
  let adminUser: StaffUser;
  let adviserUser: StaffUser;
  let createdUserId: string;
  let tokenId: string;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    fixtures = new Fixtures(t.app);
    const organisation = await fixtures.organisation();
    const site = await fixtures.site();
    adminUser = await fixtures.user({ roles: ['admin'], organisation, sites: [site] });
    adviserUser = await fixtures.user({
      roles: ['adviser'],
      organisation,
      sites: [site],
      email: 'ville.adviser@example.test',
    });
    admin = await signedInAgent(t.app, adminUser.email, TEST_PASSWORD);

    // The actions to find: a user created and deactivated by the admin, a token made and
    // revoked by the adviser.
    const csrf = await sessionCsrf(admin);
    const created = await admin
      .post('/api/v1/admin/users')
      .set('X-CSRF-Token', csrf)
      .send({
        organisationId: organisation.id,
        email: 'audited@example.test',
        displayName: 'Audited Person',
        password: 'karhu kävelee metsässä',
        roles: ['front_desk'],
        siteIds: [site.id],
        language: 'fi',
      })
      .expect(201);
    createdUserId = created.body.id;
    await admin
      .post(`/api/v1/admin/users/${createdUserId}/deactivate`)
      .set('X-CSRF-Token', csrf)
      .expect(204);

    const adviser = await signedInAgent(t.app, adviserUser.email, TEST_PASSWORD);
    const adviserCsrf = await sessionCsrf(adviser);
    const token = await adviser
      .post('/api/v1/tokens')
      .set('X-CSRF-Token', adviserCsrf)
      .send({
        name: 'x',
        scopes: ['sites.read'],
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      })
      .expect(201);
    tokenId = token.body.id;
    await adviser.delete(`/api/v1/tokens/${tokenId}`).set('X-CSRF-Token', adviserCsrf).expect(204);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('page', () => {
    it('finds rows by action and shows who did what', async () => {
      const res = await admin.get('/admin/audit?action=admin.user_created').expect(200);
      expect(res.text).toContain('<code>admin.user_created</code>');
      expect(res.text).toContain(`staff_user ${createdUserId}`);
      expect(res.text).toContain(adminUser.displayName);
      expect(res.text).not.toContain('<code>admin.user_deactivated</code>');
      const deactivated = await admin.get('/admin/audit?action=admin.user_deactivated').expect(200);
      expect(deactivated.text).toContain(`staff_user ${createdUserId}`);
    });

    it('searches by e-mail through a post, keeping the address out of the URL', async () => {
      const page = await admin.get('/admin/audit').expect(200);
      const res = await admin
        .post('/admin/audit')
        .type('form')
        .send({
          _csrf: csrfFrom(page.text),
          email: 'Ville.Adviser@example.test',
          userId: '',
          action: '',
          clientId: '',
          from: '',
          to: '',
        })
        .expect(303);
      expect(res.headers.location).toBe(`/admin/audit?userId=${adviserUser.id}`);
      const found = await admin.get(res.headers.location).expect(200);
      expect(found.text).toContain('<code>token.created</code>');
      expect(found.text).toContain('<code>token.revoked</code>');
      expect(found.text).not.toContain('<code>admin.user_created</code>');
      expect(found.text).toMatch(new RegExp(`<option value="${adviserUser.id}" selected>`));

      const unknown = await admin
        .post('/admin/audit')
        .type('form')
        .send({ _csrf: csrfFrom(page.text), email: 'nobody@example.test' })
        .expect(422);
      expect(unknown.text).toContain('No user has this e-mail address.');
      expect(unknown.text).toContain('href="#field-email"');
    });

    it('filters by Helsinki calendar dates, both days included', async () => {
      const today = helsinkiDate(new Date());
      const inRange = await admin
        .get(`/admin/audit?action=token.revoked&from=${today}&to=${today}`)
        .expect(200);
      expect(inRange.text).toContain('<code>token.revoked</code>');
      const later = await admin
        .get(`/admin/audit?action=token.revoked&from=2999-01-01`)
        .expect(200);
      expect(later.text).not.toContain('<code>token.revoked</code>');
      const bad = await admin.get('/admin/audit?from=2026-02-31&userId=nope').expect(422);
      expect(bad.text).toContain('href="#field-userId"');
      const reversed = await admin.get('/admin/audit?from=2026-03-02&to=2026-03-01').expect(422);
      expect(reversed.text).toContain('href="#field-to"');
    });
  });

  describe('API', () => {
    it('finds the rows of admin and token actions', async () => {
      for (const [action, subjectId] of [
        ['admin.user_created', createdUserId],
        ['admin.user_deactivated', createdUserId],
        ['token.created', tokenId],
        ['token.revoked', tokenId],
      ]) {
        const actor = action.startsWith('admin.') ? adminUser.id : adviserUser.id;
        const res = await admin
          .get(`/api/v1/admin/audit?action=${action}&userId=${actor}`)
          .expect(200);
        expect(res.body.items).toEqual([
          expect.objectContaining({ action, subjectId, outcome: 'success' }),
        ]);
      }
      const byUser = await admin
        .get(`/api/v1/admin/audit?userId=${adviserUser.id}&limit=10`)
        .expect(200);
      const actions = (byUser.body.items as { action: string }[]).map((i) => i.action);
      expect(actions).toEqual(expect.arrayContaining(['token.created', 'token.revoked']));
      expect(JSON.stringify(byUser.body)).not.toMatch(/"ip"|prevHash|"hash"/);
    });

    it('filters by time and pages', async () => {
      const future = new Date(Date.now() + 3_600_000).toISOString();
      const none = await admin
        .get(`/api/v1/admin/audit?from=${encodeURIComponent(future)}`)
        .expect(200);
      expect(none.body.items).toEqual([]);
      const page = await admin.get('/api/v1/admin/audit?limit=2&offset=1').expect(200);
      expect(page.body).toMatchObject({ limit: 2, offset: 1 });
      expect(page.body.items).toHaveLength(2);
    });

    it('answers bad parameters with 422 field errors', async () => {
      const res = await admin
        .get('/api/v1/admin/audit?userId=nope&limit=501&from=yesterday')
        .expect(422);
      expect((res.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
        'from',
        'limit',
        'userId',
      ]);
    });
  });
});
