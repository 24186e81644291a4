import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';
import { bearer, day, type Headers } from './plans-fixtures';

// Employers are identified by their business ID (Y-tunnus, with its check digit); they
// have contact persons and vacancies with open and close dates.

describe('employers API', () => {
  let t: TestApp;
  let adviser: Headers;
  let desk: Headers;
  let finnishAdviser: Headers;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    const fixtures = new Fixtures(t.app);
    adviser = await bearer(t, await fixtures.user({ roles: ['adviser'] }));
    desk = await bearer(t, await fixtures.user({ roles: ['front_desk'] }));
    finnishAdviser = await bearer(t, await fixtures.user({ roles: ['adviser'], language: 'fi' }));
  });
  afterAll(async () => {
    await t.close();
  });

  const employer = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    name: 'Rakennus Virtanen Oy',
    businessId: '0737546-2',
    industry: 'Rakentaminen',
    consentToContact: true,
    contacts: [
      { name: 'Maija Virtanen', email: 'maija@virtanen.example', phone: '040 123 4567' },
      { name: 'Erik Lind', email: 'erik@virtanen.example', language: 'sv' },
    ],
    ...over,
  });

  it('adds an employer with its contact persons and lists it', async () => {
    const res = await t.http.post('/api/v1/employers').set(adviser).send(employer()).expect(201);
    expect(res.body).toMatchObject({
      name: 'Rakennus Virtanen Oy',
      businessId: '0737546-2',
      consentToContact: true,
      consentDate: day(0),
      version: 1,
    });
    expect(res.body.contacts.map((c: { name: string; language: string }) => c.language)).toEqual([
      'fi',
      'sv',
    ]);
    const list = await t.http.get('/api/v1/employers').set(adviser).expect(200);
    expect(list.body.items.map((e: { id: string }) => e.id)).toContain(res.body.id);
  });

  it('refuses an invalid business ID with a field error in the user language', async () => {
    const res = await t.http
      .post('/api/v1/employers')
      .set(finnishAdviser)
      .send(employer({ businessId: '0737546-3' }))
      .expect(422);
    expect(res.body.errors).toEqual([
      {
        field: 'businessId',
        code: 'businessIdInvalid',
        message: expect.stringContaining('Y-tunnus ei kelpaa'),
      },
    ]);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM employers WHERE business_id = '0737546-3'`,
    );
    expect(n).toBe(0);
  });

  it('refuses a business ID that another employer has', async () => {
    await t.http
      .post('/api/v1/employers')
      .set(adviser)
      .send(employer({ businessId: '1572860-0' }))
      .expect(201);
    const res = await t.http
      .post('/api/v1/employers')
      .set(adviser)
      .send(employer({ name: 'Toinen Oy', businessId: '1572860-0' }))
      .expect(422);
    expect(res.body.errors[0]).toMatchObject({ field: 'businessId', code: 'businessIdTaken' });
  });

  it('wants a way to reach each contact person', async () => {
    const res = await t.http
      .post('/api/v1/employers')
      .set(adviser)
      .send(employer({ businessId: '2617416-4', contacts: [{ name: 'Ville' }] }))
      .expect(422);
    expect(res.body.errors[0]).toMatchObject({
      field: 'contacts.0.email',
      code: 'contactRequired',
    });
  });

  it('updates with optimistic locking: a stale version changes nothing', async () => {
    const created = await t.http
      .post('/api/v1/employers')
      .set(adviser)
      .send(employer({ businessId: '0112038-9', name: 'Kahvila Aalto' }))
      .expect(201);
    const id = created.body.id as string;
    const saved = await t.http
      .put(`/api/v1/employers/${id}`)
      .set(adviser)
      .send({ ...employer({ businessId: '0112038-9', name: 'Kahvila Aalto Oy' }), version: 1 })
      .expect(200);
    expect(saved.body).toMatchObject({ name: 'Kahvila Aalto Oy', version: 2 });
    const stale = await t.http
      .put(`/api/v1/employers/${id}`)
      .set(adviser)
      .send({ ...employer({ businessId: '0112038-9', name: 'Vanha' }), version: 1 })
      .expect(409);
    expect(stale.body.error).toBe('employer_version_conflict');
    const now = await t.http.get(`/api/v1/employers/${id}`).set(adviser).expect(200);
    expect(now.body.name).toBe('Kahvila Aalto Oy');
  });

  it('adds and removes vacancies; a close date before the open date is refused', async () => {
    const { body } = await t.http
      .post('/api/v1/employers')
      .set(adviser)
      .send(employer({ businessId: '0000000-0', name: 'Kauppa Oy' }))
      .expect(201);
    const bad = await t.http
      .post(`/api/v1/employers/${body.id}/vacancies`)
      .set(adviser)
      .send({ kind: 'summer_job', title: 'Kesätyöntekijä', opensOn: day(10), closesOn: day(9) })
      .expect(422);
    expect(bad.body.errors[0]).toMatchObject({ field: 'closesOn', code: 'closesBeforeOpens' });
    const unknownKind = await t.http
      .post(`/api/v1/employers/${body.id}/vacancies`)
      .set(adviser)
      .send({ kind: 'gig', title: 'Keikka', opensOn: day(1) })
      .expect(422);
    expect(unknownKind.body.errors[0]).toMatchObject({ field: 'kind', code: 'unknownKind' });
    const added = await t.http
      .post(`/api/v1/employers/${body.id}/vacancies`)
      .set(adviser)
      .send({ kind: 'hidden_job', title: 'Varastotyöntekijä', opensOn: day(0), closesOn: day(30) })
      .expect(201);
    const read = await t.http.get(`/api/v1/employers/${body.id}`).set(adviser).expect(200);
    expect(read.body.vacancies).toEqual([
      expect.objectContaining({ id: added.body.id, kind: 'hidden_job', closesOn: day(30) }),
    ]);
    await t.http
      .delete(`/api/v1/employers/${body.id}/vacancies/${added.body.id}`)
      .set(adviser)
      .expect(204);
    await t.http
      .delete(`/api/v1/employers/${body.id}/vacancies/${added.body.id}`)
      .set(adviser)
      .expect(404);
  });

  it('is for advisers: the front desk is refused', async () => {
    await t.http.get('/api/v1/employers').set(desk).expect(403);
    await t.http.post('/api/v1/employers').set(desk).send(employer()).expect(403);
  });

  it('documents the employer and event routes in the OpenAPI document', async () => {
    const doc = await t.http.get('/api/docs-json').expect(200);
    const paths = doc.body.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/api/v1/employers']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/v1/events/{id}/meetings/{meetingId}']).sort()).toEqual([
      'delete',
      'put',
    ]);
    for (const path of [
      '/api/v1/employers/{id}/vacancies',
      '/api/v1/events',
      '/api/v1/events/{id}/registrations',
      '/api/v1/events/{id}/schedule',
      '/api/v1/events/{id}/registrations/{registrationId}/attendance',
      '/api/v1/events/{id}/meetings/{meetingId}/outcome',
      '/api/v1/events/{id}/registrations/{registrationId}/follow-ups',
      '/api/v1/events/{id}/report',
    ]) {
      expect(paths[path]).toBeDefined();
    }
    const schemas = doc.body.components.schemas as Record<string, { properties: object }>;
    expect(Object.keys(schemas.EventDetailDto.properties)).toEqual(
      expect.arrayContaining(['version', 'meetings', 'score', 'registrations']),
    );
  });
});
