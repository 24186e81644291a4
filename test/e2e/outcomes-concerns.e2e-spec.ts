import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';
import { auditCount, bearer, clientOf, type Headers } from './plans-fixtures';

// A concern must be reacted to within 3 days; past that it counts as overdue for the
// coordinator of the site, who sees counts and ids but nothing about the client.

describe('outcomes: concerns', () => {
  let t: TestApp;
  let adviser: Headers;
  let coordinator: Headers;
  let otherCoordinator: Headers;
  let siteId: string;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    const fixtures = new Fixtures(t.app);
    const site = await fixtures.site();
    siteId = site.id;
    const org = await fixtures.organisation();
    adviser = await bearer(
      t,
      await fixtures.user({ roles: ['adviser'], organisation: org, sites: [site] }),
    );
    coordinator = await bearer(
      t,
      await fixtures.user({ roles: ['coordinator'], organisation: org, sites: [site] }),
    );
    otherCoordinator = await bearer(t, await fixtures.user({ roles: ['coordinator'] }));
  });
  afterAll(async () => {
    await t.close();
  });

  const raise = async (
    clientId: string,
  ): Promise<{ id: string; reactBy: string; raisedAt: string }> => {
    const res = await t.http
      .post(`/api/v1/clients/${clientId}/concerns`)
      .set(adviser)
      .send({ description: 'Ei ole vastannut puhelimeen kahteen viikkoon' })
      .expect(201);
    return res.body as { id: string; reactBy: string; raisedAt: string };
  };

  // Moves a concern back in time as if it had been raised `days` ago.
  const age = (id: string, days: number) =>
    t.dataSource.query(
      `UPDATE concerns SET raised_at = raised_at - make_interval(days => $2),
                           react_by = react_by - make_interval(days => $2) WHERE id = $1`,
      [id, days],
    );

  type Summary = { total: number; groups: { siteId: string | null; concernIds: string[] }[] };
  const summary = async (who: Headers): Promise<Summary> =>
    (await t.http.get('/api/v1/concerns/overdue-summary').set(who).expect(200)).body as Summary;

  it('sets the reaction deadline three days ahead at the adviser’s site', async () => {
    const clientId = await clientOf(t, adviser);
    const concern = await raise(clientId);
    const days = (Date.parse(concern.reactBy) - Date.parse(concern.raisedAt)) / 86_400_000;
    expect(days).toBe(3);
    expect(concern).toMatchObject({ siteId, overdue: false });
    expect(await auditCount(t, clientId, 'concern.raised')).toBe(1);
  });

  it('counts a concern as overdue only after its deadline, until it is resolved', async () => {
    const before = (await summary(coordinator)).total;
    const clientId = await clientOf(t, adviser);
    const early = await raise(clientId);
    const late = await raise(clientId);
    await age(early.id, 2);
    await age(late.id, 4);
    const overdue = await summary(coordinator);
    expect(overdue.total).toBe(before + 1);
    const group = overdue.groups.find((g) => g.siteId === siteId)!;
    expect(group.concernIds).toContain(late.id);
    expect(group.concernIds).not.toContain(early.id);
    // Counts and ids only: nothing that names or describes the client.
    expect(JSON.stringify(overdue)).not.toContain(clientId);
    expect(JSON.stringify(overdue)).not.toContain('puhelimeen');

    const resolved = await t.http
      .post(`/api/v1/concerns/${late.id}/resolve`)
      .set(adviser)
      .send({ resolution: 'Tavoitettu kotikäynnillä' })
      .expect(200);
    expect(resolved.body).toMatchObject({ overdue: false, resolution: 'Tavoitettu kotikäynnillä' });
    expect((await summary(coordinator)).total).toBe(before);
    await t.http.post(`/api/v1/concerns/${late.id}/resolve`).set(adviser).send({}).expect(409);
    expect(await auditCount(t, clientId, 'concern.resolved')).toBe(1);
  });

  it("shows a coordinator elsewhere none of this site's concerns", async () => {
    const clientId = await clientOf(t, adviser);
    await age((await raise(clientId)).id, 5);
    expect(await summary(otherCoordinator)).toEqual({ total: 0, groups: [] });
  });

  it('refuses a concern without a description', async () => {
    const clientId = await clientOf(t, adviser);
    const res = await t.http
      .post(`/api/v1/clients/${clientId}/concerns`)
      .set(adviser)
      .send({ description: '  ' })
      .expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'description' })]);
  });
});
