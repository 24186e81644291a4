import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';
import { auditCount, bearer, clientOf, day, type Headers } from './plans-fixtures';

// Self-assessments repeat over time; the first is the baseline the trend is measured from.

describe('plans: self-assessment', () => {
  let t: TestApp;
  let adviser: Headers;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    const fixtures = new Fixtures(t.app);
    adviser = await bearer(t, await fixtures.user({ roles: ['adviser'] }));
  });
  afterAll(async () => {
    await t.close();
  });

  const assess = (clientId: string, body: Record<string, unknown>) =>
    t.http.post(`/api/v1/clients/${clientId}/self-assessments`).set(adviser).send(body);

  it('lists the ten default life areas with labels in three languages', async () => {
    const res = await t.http.get('/api/v1/life-areas').set(adviser).expect(200);
    expect(res.body.items).toHaveLength(10);
    expect(res.body.items[0]).toEqual({
      code: 'money',
      labelFi: 'Raha-asiat',
      labelSv: 'Ekonomi',
      labelEn: 'Money',
      sortOrder: 10,
    });
  });

  it('shows the change of each area since the baseline', async () => {
    const clientId = await clientOf(t, adviser);
    const first = await assess(clientId, {
      assessedOn: day(-60),
      scores: [
        { area: 'money', score: 3 },
        { area: 'mood', score: 5 },
      ],
    }).expect(201);
    expect(first.body.baseline).toBe(true);
    await assess(clientId, {
      assessedOn: day(-30),
      scores: [
        { area: 'money', score: 4 },
        { area: 'housing', score: 6 },
      ],
    }).expect(201);
    const latest = await assess(clientId, {
      scores: [
        { area: 'money', score: 7 },
        { area: 'mood', score: 4 },
      ],
    }).expect(201);
    expect(latest.body.baseline).toBe(false);
    const trend = await t.http
      .get(`/api/v1/clients/${clientId}/self-assessments/trend`)
      .set(adviser)
      .expect(200);
    expect(trend.body.areas).toEqual([
      expect.objectContaining({
        area: 'money',
        baseline: 3,
        latest: 7,
        change: 4,
        baselineOn: day(-60),
      }),
      expect.objectContaining({ area: 'housing', baseline: 6, latest: 6, change: 0 }),
      expect.objectContaining({ area: 'mood', baseline: 5, latest: 4, change: -1 }),
    ]);
    const list = await t.http
      .get(`/api/v1/clients/${clientId}/self-assessments`)
      .set(adviser)
      .expect(200);
    expect(list.body.items.map((a: { baseline: boolean }) => a.baseline)).toEqual([
      false,
      false,
      true,
    ]);
    expect(await auditCount(t, clientId, 'self_assessment.recorded')).toBe(3);
    expect(await auditCount(t, clientId, 'self_assessment.trend_read')).toBe(1);
    expect(await auditCount(t, clientId, 'self_assessment.listed')).toBe(1);
  });

  it.each([
    ['a score of 0', [{ area: 'money', score: 0 }], 'scores.0.score'],
    ['a score of 11', [{ area: 'money', score: 11 }], 'scores.0.score'],
    ['an unknown life area', [{ area: 'astrology', score: 5 }], 'scores.0.area'],
    ['no scores at all', [], 'scores'],
  ])('refuses %s with a field error and saves nothing', async (_name, scores, field) => {
    const clientId = await clientOf(t, adviser);
    const res = await assess(clientId, { scores }).expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field })]);
    const [row] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM self_assessments WHERE client_id = $1`,
      [clientId],
    );
    expect(row.n).toBe(0);
  });
});
