import type { Site } from '@ohjaamo/identity';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';
import { eventBody, eventOf, guestOf } from './events-fixtures';
import { bearer, clientOf, day, type Headers } from './plans-fixtures';

// The bad input the issue names: an event in the past, a slot length that does not divide
// the duration, a young person registered twice, capacity exceeded; each a clear error
// that leaves nothing behind.

describe('recruitment events: bad input', () => {
  let t: TestApp;
  let site: Site;
  let adviser: Headers;
  let otherSiteAdviser: Headers;
  let swedishAdviser: Headers;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    const fixtures = new Fixtures(t.app);
    site = await fixtures.site();
    adviser = await bearer(t, await fixtures.user({ roles: ['adviser'], sites: [site] }));
    otherSiteAdviser = await bearer(t, await fixtures.user({ roles: ['adviser'] }));
    swedishAdviser = await bearer(
      t,
      await fixtures.user({ roles: ['adviser'], sites: [site], language: 'sv' }),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  const eventCount = async (): Promise<number> => {
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM recruitment_events`);
    return n as number;
  };

  it('refuses an event that starts in the past (Helsinki time)', async () => {
    const before = await eventCount();
    const res = await t.http
      .post('/api/v1/events')
      .set(adviser)
      .send(eventBody(site.id, { startsAt: `${day(-1)}T12:00` }))
      .expect(422);
    expect(res.body.errors).toEqual([
      {
        field: 'startsAt',
        code: 'inThePast',
        message: 'The event cannot start in the past.',
      },
    ]);
    expect(await eventCount()).toBe(before);
  });

  it('refuses a slot length that does not divide the duration, in Swedish too', async () => {
    const res = await t.http
      .post('/api/v1/events')
      .set(swedishAdviser)
      .send(eventBody(site.id, { durationMinutes: 100, slotMinutes: 15 }))
      .expect(422);
    expect(res.body.errors).toEqual([
      {
        field: 'slotMinutes',
        code: 'slotNotDivisor',
        message: 'Möten på 15 minuter delar inte evenemangets 100 minuter i hela omgångar.',
      },
    ]);
  });

  it('takes the end instead of the duration and counts the rounds', async () => {
    const id = await eventOf(t, adviser, site.id, {
      durationMinutes: undefined,
      endsAt: `${day(1)}T14:00`,
      slotMinutes: 20,
    });
    const res = await t.http.get(`/api/v1/events/${id}`).set(adviser).expect(200);
    expect(res.body).toMatchObject({ rounds: 6, slotMinutes: 20, capacity: 10 });
    expect(res.body.roundStarts).toHaveLength(6);
  });

  it("refuses a site the user does not work at, and hides the site's events", async () => {
    const res = await t.http
      .post('/api/v1/events')
      .set(otherSiteAdviser)
      .send(eventBody(site.id))
      .expect(422);
    expect(res.body.errors[0]).toMatchObject({ field: 'siteId', code: 'siteNotYours' });
    const id = await eventOf(t, adviser, site.id);
    await t.http.get(`/api/v1/events/${id}`).set(otherSiteAdviser).expect(404);
  });

  it('registers a young person once: a second registration is a clear error', async () => {
    const id = await eventOf(t, adviser, site.id);
    const clientId = await clientOf(t, adviser);
    await t.http
      .post(`/api/v1/events/${id}/registrations`)
      .set(adviser)
      .send({ clientId })
      .expect(201);
    const twice = await t.http
      .post(`/api/v1/events/${id}/registrations`)
      .set(adviser)
      .send({ clientId })
      .expect(422);
    expect(twice.body.errors).toEqual([
      {
        field: 'clientId',
        code: 'alreadyRegistered',
        message: 'This young person is registered already.',
      },
    ]);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM event_registrations WHERE event_id = $1`,
      [id],
    );
    expect(n).toBe(1);
  });

  it('refuses registrations past the capacity, also when they arrive at once', async () => {
    const id = await eventOf(t, adviser, site.id, { capacity: 2 });
    const attempts = await Promise.all(
      ['Aino', 'Eino', 'Iida', 'Otto'].map((name) =>
        t.http
          .post(`/api/v1/events/${id}/registrations`)
          .set(adviser)
          .send({ guest: { name, email: `${name.toLowerCase()}@example.fi` } }),
      ),
    );
    expect(attempts.map((r) => r.status).sort()).toEqual([201, 201, 409, 409]);
    const full = attempts.find((r) => r.status === 409)!;
    expect(full.body).toMatchObject({
      error: 'event_full',
      message: 'The event is full: all 2 places are taken.',
    });
  });

  it('links only clients the user may see, and wants a guest to be reachable', async () => {
    const id = await eventOf(t, adviser, site.id);
    await t.http
      .post(`/api/v1/events/${id}/registrations`)
      .set(adviser)
      .send({ clientId: '00000000-0000-4000-8000-000000000000' })
      .expect(404);
    const guest = await t.http
      .post(`/api/v1/events/${id}/registrations`)
      .set(adviser)
      .send({ guest: { name: 'Ville' } })
      .expect(422);
    expect(guest.body.errors[0]).toMatchObject({ field: 'guest.phone', code: 'contactRequired' });
    const both = await t.http
      .post(`/api/v1/events/${id}/registrations`)
      .set(adviser)
      .send({})
      .expect(422);
    expect(both.body.errors[0]).toMatchObject({ field: 'clientId', code: 'clientOrGuest' });
  });

  it('refuses preferences naming an employer of another event', async () => {
    const id = await eventOf(t, adviser, site.id);
    const registrationId = await guestOf(t, adviser, id, 'Aino Guest');
    const res = await t.http
      .put(`/api/v1/events/${id}/registrations/${registrationId}/preferences`)
      .set(adviser)
      .send({ eventEmployerIds: ['00000000-0000-4000-8000-000000000000'] })
      .expect(422);
    expect(res.body.errors[0]).toMatchObject({ field: 'eventEmployerIds', code: 'notInEvent' });
  });
});
