import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';
import { bearer, clientOf, planBody, type Headers } from './plans-fixtures';

// Plans, self-assessments, outcomes and concerns are advisers' work. The front desk and
// coordinators are refused every client route; coordinators get only the overdue summary.

describe('plans and outcomes: permissions', () => {
  let t: TestApp;
  const who: Record<string, Headers> = {};
  let clientId: string;
  let followUpId: string;
  let concernId: string;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    const fixtures = new Fixtures(t.app);
    const site = await fixtures.site();
    const org = await fixtures.organisation();
    for (const role of ['adviser', 'front_desk', 'coordinator', 'admin'] as const) {
      who[role] = await bearer(
        t,
        await fixtures.user({ roles: [role], organisation: org, sites: [site] }),
      );
    }
    clientId = await clientOf(t, who.adviser);
    await t.http
      .put(`/api/v1/clients/${clientId}/plan`)
      .set(who.adviser)
      .send(planBody())
      .expect(200);
    const outcome = await t.http
      .post(`/api/v1/clients/${clientId}/outcomes`)
      .set(who.adviser)
      .send({ category: 'work_trial', startDate: '2026-02-01', source: 'agency_record' })
      .expect(201);
    followUpId = outcome.body.followUps[0].id;
    concernId = (
      await t.http
        .post(`/api/v1/clients/${clientId}/concerns`)
        .set(who.adviser)
        .send({ description: 'Huoli' })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const routes = (): [string, string, Record<string, unknown>?][] => [
    ['get', `/api/v1/clients/${clientId}/plan`],
    ['put', `/api/v1/clients/${clientId}/plan`, planBody({ version: 1 })],
    ['get', `/api/v1/clients/${clientId}/plan/versions`],
    ['get', `/api/v1/clients/${clientId}/self-assessments`],
    [
      'post',
      `/api/v1/clients/${clientId}/self-assessments`,
      { scores: [{ area: 'money', score: 5 }] },
    ],
    ['get', `/api/v1/clients/${clientId}/self-assessments/trend`],
    ['get', '/api/v1/life-areas'],
    ['get', `/api/v1/clients/${clientId}/outcomes`],
    [
      'post',
      `/api/v1/clients/${clientId}/outcomes`,
      { category: 'coaching', startDate: '2026-02-01', source: 'young_person' },
    ],
    ['post', `/api/v1/follow-ups/${followUpId}`, { stillHolds: true }],
    ['get', '/api/v1/me/tasks'],
    ['get', `/api/v1/clients/${clientId}/concerns`],
    ['post', `/api/v1/clients/${clientId}/concerns`, { description: 'Huoli' }],
    ['post', `/api/v1/concerns/${concernId}/resolve`, {}],
  ];

  it.each(['front_desk', 'coordinator', 'admin'])(
    'refuses %s every plan and outcome route',
    async (role) => {
      const answered: string[] = [];
      for (const [method, path, body] of routes()) {
        const req = (t.http as unknown as Record<string, (p: string) => import('supertest').Test>)
          [method](path)
          .set(who[role]);
        const res = await (body ? req.send(body) : req);
        if (res.status !== 403) answered.push(`${method} ${path}: ${res.status}`);
      }
      expect(answered).toEqual([]);
    },
  );

  it('lets only coordinators read the overdue summary', async () => {
    await t.http.get('/api/v1/concerns/overdue-summary').set(who.coordinator).expect(200);
    for (const role of ['adviser', 'front_desk', 'admin']) {
      await t.http.get('/api/v1/concerns/overdue-summary').set(who[role]).expect(403);
    }
  });

  it('writes an audit row for the coordinator’s summary without a client', async () => {
    const rows = await t.dataSource.query(
      `SELECT client_id FROM audit_log WHERE action = 'concern.overdue_summary_read'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.client_id).toBeNull();
  });

  it('answers 404 for a client, follow-up or concern that does not exist', async () => {
    const none = '00000000-0000-4000-8000-000000000000';
    await t.http.get(`/api/v1/clients/${none}/plan`).set(who.adviser).expect(404);
    await t.http
      .post(`/api/v1/follow-ups/${none}`)
      .set(who.adviser)
      .send({ stillHolds: true })
      .expect(404);
    await t.http.post(`/api/v1/concerns/${none}/resolve`).set(who.adviser).send({}).expect(404);
    await t.http.get(`/api/v1/clients/${none}/concerns`).set(who.adviser).expect(404);
    await t.http.get(`/api/v1/clients/not-a-uuid/plan`).set(who.adviser).expect(400);
  });
});
