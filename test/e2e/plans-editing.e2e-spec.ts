import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';
import { auditCount, bearer, clientOf, day, planBody, type Headers } from './plans-fixtures';

// One client, one plan: saves name the version they started from, and a save based on an
// old version is refused whole, so two advisers never overwrite each other.

describe('plans: editing', () => {
  let t: TestApp;
  let adviser: Headers;
  let colleague: Headers;
  let colleagueId: string;
  let agencyId: string;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    const fixtures = new Fixtures(t.app);
    const site = await fixtures.site();
    const org = await fixtures.organisation('youth_services');
    const kela = await fixtures.organisation('kela');
    agencyId = kela.id;
    adviser = await bearer(
      t,
      await fixtures.user({ roles: ['adviser'], organisation: org, sites: [site] }),
    );
    const other = await fixtures.user({ roles: ['adviser'], organisation: org, sites: [site] });
    colleagueId = other.id;
    colleague = await bearer(t, other);
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates the plan with version 0 and shows who works with the young person', async () => {
    const clientId = await clientOf(t, adviser);
    await t.http.get(`/api/v1/clients/${clientId}/plan`).set(adviser).expect(404);
    const participants = [
      { kind: 'staff', staffUserId: colleagueId },
      { kind: 'agency', organisationId: agencyId },
    ];
    const res = await t.http
      .put(`/api/v1/clients/${clientId}/plan`)
      .set(adviser)
      .send(planBody({ participants }))
      .expect(200);
    expect(res.body).toMatchObject({ version: 1, type: 'shared_service_plan', clientId });
    const read = await t.http.get(`/api/v1/clients/${clientId}/plan`).set(colleague).expect(200);
    expect(read.body.goals).toEqual(['Haluan päästä opiskelemaan kokiksi']);
    expect(read.body.participants).toEqual([
      expect.objectContaining({
        kind: 'staff',
        staffUserId: colleagueId,
        name: expect.any(String),
      }),
      expect.objectContaining({
        kind: 'agency',
        organisationId: agencyId,
        name: expect.any(String),
      }),
    ]);
  });

  it('lets one of two saves of the same version through and refuses the other with 409', async () => {
    const clientId = await clientOf(t, adviser);
    await t.http.put(`/api/v1/clients/${clientId}/plan`).set(adviser).send(planBody()).expect(200);
    const [a, b] = await Promise.all([
      t.http
        .put(`/api/v1/clients/${clientId}/plan`)
        .set(adviser)
        .send(planBody({ version: 1, goals: ['Adviser A'] })),
      t.http
        .put(`/api/v1/clients/${clientId}/plan`)
        .set(colleague)
        .send(planBody({ version: 1, goals: ['Adviser B'] })),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const refused = a.status === 409 ? a : b;
    const kept = a.status === 200 ? a : b;
    expect(refused.body.error).toBe('plan_version_conflict');
    expect(refused.body.message).toMatch(/saved the plan/);
    const plan = await t.http.get(`/api/v1/clients/${clientId}/plan`).set(adviser).expect(200);
    expect(plan.body.version).toBe(2);
    expect(plan.body.goals).toEqual(kept.body.goals);
    const versions = await t.http
      .get(`/api/v1/clients/${clientId}/plan/versions`)
      .set(adviser)
      .expect(200);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.body.items[1].plan.goals).toEqual(['Haluan päästä opiskelemaan kokiksi']);
  });

  it('lets only one of two first saves at once create the plan', async () => {
    const clientId = await clientOf(t, adviser);
    const statuses = await Promise.all(
      [adviser, colleague].map(
        async (who) =>
          (await t.http.put(`/api/v1/clients/${clientId}/plan`).set(who).send(planBody())).status,
      ),
    );
    expect(statuses.sort()).toEqual([200, 409]);
    const [row] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM plan_versions v JOIN plans p ON p.id = v.plan_id
        WHERE p.client_id = $1`,
      [clientId],
    );
    expect(row.n).toBe(1);
  });

  it('refuses a stale version even when nobody is saving at the same time', async () => {
    const clientId = await clientOf(t, adviser);
    await t.http.put(`/api/v1/clients/${clientId}/plan`).set(adviser).send(planBody()).expect(200);
    await t.http
      .put(`/api/v1/clients/${clientId}/plan`)
      .set(adviser)
      .send(planBody({ version: 0 }))
      .expect(409);
    await t.http
      .put(`/api/v1/clients/${clientId}/plan`)
      .set(adviser)
      .send(planBody({ version: 1, actions: [] }))
      .expect(200);
  });

  it.each([
    [
      'an action due before the plan starts',
      {
        actions: [
          { what: 'x', responsible: { kind: 'young_person' }, dueDate: day(-1), status: 'open' },
        ],
      },
      'actions.0.dueDate',
    ],
    ['an unknown plan type', { type: 'diet_plan' }, 'type'],
    ['a review before the start', { reviewDate: day(-10) }, 'reviewDate'],
    [
      'an unknown responsible staff member',
      {
        actions: [
          {
            what: 'x',
            responsible: { kind: 'staff', staffUserId: '00000000-0000-4000-8000-000000000000' },
            dueDate: null,
            status: 'open',
          },
        ],
      },
      'actions.0.responsible',
    ],
  ])('refuses %s with a field error and saves nothing', async (_name, over, field) => {
    const clientId = await clientOf(t, adviser);
    const res = await t.http
      .put(`/api/v1/clients/${clientId}/plan`)
      .set(adviser)
      .send(planBody(over))
      .expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field })]);
    const [row] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM plans WHERE client_id = $1`,
      [clientId],
    );
    expect(row.n).toBe(0);
  });

  it('audits reads and writes of the plan under the plan section, without its text', async () => {
    const clientId = await clientOf(t, adviser);
    await t.http.put(`/api/v1/clients/${clientId}/plan`).set(adviser).send(planBody()).expect(200);
    await t.http.get(`/api/v1/clients/${clientId}/plan`).set(adviser).expect(200);
    await t.http.get(`/api/v1/clients/${clientId}/plan/versions`).set(adviser).expect(200);
    expect(await auditCount(t, clientId, 'plan.saved')).toBe(1);
    expect(await auditCount(t, clientId, 'plan.read')).toBe(1);
    expect(await auditCount(t, clientId, 'plan.versions_read')).toBe(1);
    const rows = await t.dataSource.query(
      `SELECT sections, legal_basis, details::text AS details FROM audit_log
        WHERE client_id = $1 AND action LIKE 'plan.%'`,
      [clientId],
    );
    for (const row of rows) {
      expect(row.sections).toEqual(['plan']);
      expect(row.legal_basis).toBe('own_record');
      expect(row.details).not.toMatch(/kokiksi|Päivärytmi/);
    }
  });
});
