import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';
import { auditCount, bearer, clientOf, type Headers } from './plans-fixtures';

// Every outcome gets follow-up points at 3, 6 and 12 months; open ones are the
// responsible worker's tasks until someone records whether the outcome still holds.

describe('outcomes: follow-ups', () => {
  let t: TestApp;
  let adviser: Headers;
  let adviserId: string;
  let colleague: Headers;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    const fixtures = new Fixtures(t.app);
    const org = await fixtures.organisation();
    const site = await fixtures.site();
    const user = await fixtures.user({ roles: ['adviser'], organisation: org, sites: [site] });
    adviserId = user.id;
    adviser = await bearer(t, user);
    colleague = await bearer(
      t,
      await fixtures.user({ roles: ['adviser'], organisation: org, sites: [site] }),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  const outcome = {
    category: 'apprenticeship',
    startDate: '2026-01-31',
    employerOrInstitution: 'Rakennus Oy',
    subsidy: 'palkkatuki',
    source: 'employer',
  };

  it('records an outcome with its three follow-up points', async () => {
    const clientId = await clientOf(t, adviser, adviserId);
    const res = await t.http
      .post(`/api/v1/clients/${clientId}/outcomes`)
      .set(adviser)
      .send(outcome)
      .expect(201);
    expect(res.body).toMatchObject({
      category: 'apprenticeship',
      group: 'work',
      source: 'employer',
    });
    expect(
      res.body.followUps.map((f: { months: number; dueOn: string }) => [f.months, f.dueOn]),
    ).toEqual([
      [3, '2026-04-30'],
      [6, '2026-07-31'],
      [12, '2027-01-31'],
    ]);
    const list = await t.http.get(`/api/v1/clients/${clientId}/outcomes`).set(adviser).expect(200);
    expect(list.body.items).toHaveLength(1);
    expect(await auditCount(t, clientId, 'outcome.recorded')).toBe(1);
    expect(await auditCount(t, clientId, 'outcome.listed')).toBe(1);
  });

  it("lists open follow-ups in the responsible worker's tasks until recorded", async () => {
    const clientId = await clientOf(t, adviser, adviserId);
    const created = await t.http
      .post(`/api/v1/clients/${clientId}/outcomes`)
      .set(adviser)
      .send({ ...outcome, category: 'vocational', source: 'young_person' })
      .expect(201);
    const [first] = created.body.followUps;
    const mine = async (): Promise<{ clientId: string }[]> => {
      const res = await t.http.get('/api/v1/me/tasks').set(adviser).expect(200);
      const tasks = (res.body as { followUps: { clientId: string }[] }).followUps;
      return tasks.filter((f) => f.clientId === clientId);
    };
    expect(await mine()).toHaveLength(3);
    const others = await t.http.get('/api/v1/me/tasks').set(colleague).expect(200);
    expect(others.body.followUps).toEqual([]);

    const recorded = await t.http
      .post(`/api/v1/follow-ups/${first.id}`)
      .set(adviser)
      .send({
        stillHolds: false,
        newSituation: 'Keskeytti opinnot',
        newOutcome: { category: 'youth_workshop', startDate: '2026-05-01', source: 'young_person' },
      })
      .expect(200);
    expect(recorded.body.followUp).toMatchObject({ stillHolds: false, months: 3 });
    expect(recorded.body.newOutcome).toMatchObject({
      category: 'youth_workshop',
      group: 'services',
    });
    expect(recorded.body.followUp.newOutcomeId).toBe(recorded.body.newOutcome.id);
    // Two left of the first outcome, three of the new one.
    expect(await mine()).toHaveLength(5);
    await t.http
      .post(`/api/v1/follow-ups/${first.id}`)
      .set(adviser)
      .send({ stillHolds: true })
      .expect(409);
    expect(await auditCount(t, clientId, 'follow_up.recorded')).toBe(1);
    expect(await auditCount(t, clientId, 'follow_up.tasks_listed')).toBeGreaterThanOrEqual(2);
  });

  it('asks for the new situation when the outcome no longer holds', async () => {
    const clientId = await clientOf(t, adviser);
    const created = await t.http
      .post(`/api/v1/clients/${clientId}/outcomes`)
      .set(adviser)
      .send(outcome)
      .expect(201);
    const res = await t.http
      .post(`/api/v1/follow-ups/${created.body.followUps[0].id}`)
      .set(adviser)
      .send({ stillHolds: false })
      .expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'newSituation' })]);
  });

  it.each([
    ['an end before the start', { endDate: '2026-01-30' }, 'endDate'],
    ['an unknown category', { category: 'astronaut' }, 'category'],
    ['an unknown source', { source: 'rumour' }, 'source'],
  ])('refuses %s with a field error and saves nothing', async (_name, over, field) => {
    const clientId = await clientOf(t, adviser);
    const res = await t.http
      .post(`/api/v1/clients/${clientId}/outcomes`)
      .set(adviser)
      .send({ ...outcome, ...over })
      .expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field })]);
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM outcomes WHERE client_id = $1) AS outcomes,
              (SELECT count(*)::int FROM follow_ups WHERE client_id = $1) AS follow_ups`,
      [clientId],
    );
    expect(row).toEqual({ outcomes: 0, follow_ups: 0 });
  });
});
