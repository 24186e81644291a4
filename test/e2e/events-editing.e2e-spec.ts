import type { Site } from '@ohjaamo/identity';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';
import { employerOf, eventBody, eventOf, guestOf } from './events-fixtures';
import { bearer, day, type Headers } from './plans-fixtures';

// Changing an event after it was created (with the rules of a new one, guarding the
// registrations and the stored timetable), cancelling it, and regenerating a timetable
// whose kept meetings no longer fit.

interface Meeting {
  id: string;
  round: number;
  eventEmployerId: string;
  registrationId: string;
  table: number;
  fixed: boolean;
}

/** The few fields of the event detail these tests read. */
interface StoredEvent {
  version: number;
  siteId: string;
  rounds: number;
  capacity: number;
  status: string;
  score: unknown;
  meetings: Meeting[];
}

describe('recruitment events: editing and cancelling', () => {
  let t: TestApp;
  let site: Site;
  let otherSite: Site;
  let adviser: Headers;
  let finnishAdviser: Headers;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    const fixtures = new Fixtures(t.app);
    site = await fixtures.site();
    otherSite = await fixtures.site();
    adviser = await bearer(
      t,
      await fixtures.user({ roles: ['adviser'], sites: [site, otherSite], language: 'en' }),
    );
    finnishAdviser = await bearer(
      t,
      await fixtures.user({ roles: ['adviser'], sites: [site], language: 'fi' }),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  const stored = async (eventId: string): Promise<StoredEvent> =>
    (await t.http.get(`/api/v1/events/${eventId}`).set(adviser).expect(200)).body as StoredEvent;

  /** An event of 4 rounds with one two-table employer, two guests and a timetable. */
  async function scheduledEvent(): Promise<{ eventId: string; eventEmployerId: string }> {
    const eventId = await eventOf(t, adviser, site.id, { capacity: 4 });
    const base = `/api/v1/events/${eventId}`;
    const employerId = await employerOf(t, adviser, 'Kauppa Oy');
    const eventEmployerId = (
      await t.http.post(`${base}/employers`).set(adviser).send({ employerId, tables: 2 })
    ).body.id as string;
    for (const name of ['Aino Guest', 'Eino Guest']) {
      const registration = await guestOf(t, adviser, eventId, name);
      await t.http
        .put(`${base}/registrations/${registration}/preferences`)
        .set(adviser)
        .send({ eventEmployerIds: [eventEmployerId] })
        .expect(204);
    }
    const before = await stored(eventId);
    await t.http
      .post(`${base}/schedule`)
      .set(adviser)
      .send({ version: before.version })
      .expect(201);
    return { eventId, eventEmployerId };
  }

  it('changes the theme, time, slot length, rounds, places and site with the rules of a new event', async () => {
    const eventId = await eventOf(t, adviser, site.id);
    const before = await stored(eventId);
    const changed = await t.http
      .put(`/api/v1/events/${eventId}`)
      .set(adviser)
      .send({
        ...eventBody(otherSite.id, {
          title: 'Ravintola-alan treffit',
          theme: 'Ravintolat',
          startsAt: `${day(2)}T09:00`,
          durationMinutes: 100,
          slotMinutes: 20,
          capacity: 25,
        }),
        version: before.version,
      })
      .expect(200);
    expect(changed.body).toMatchObject({
      title: 'Ravintola-alan treffit',
      theme: 'Ravintolat',
      siteId: otherSite.id,
      slotMinutes: 20,
      rounds: 5,
      capacity: 25,
      status: 'planned',
      version: before.version + 1,
    });
    expect(changed.body.roundStarts).toHaveLength(5);

    // Bad input: each with its field, and nothing changed.
    const bad = await t.http
      .put(`/api/v1/events/${eventId}`)
      .set(adviser)
      .send({
        ...eventBody(site.id, {
          startsAt: `${day(-1)}T09:00`,
          durationMinutes: 50,
          slotMinutes: 15,
        }),
        version: changed.body.version,
      })
      .expect(422);
    expect(bad.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['startsAt', 'inThePast'],
      ['slotMinutes', 'slotNotDivisor'],
    ]);
    expect(await stored(eventId)).toMatchObject({ siteId: otherSite.id, rounds: 5 });

    // Someone saw an older version: refused.
    const stale = await t.http
      .put(`/api/v1/events/${eventId}`)
      .set(adviser)
      .send({ ...eventBody(site.id), version: before.version })
      .expect(409);
    expect(stale.body.error).toBe('schedule_version_conflict');
  });

  it('refuses fewer places than young people registered', async () => {
    const eventId = await eventOf(t, adviser, site.id, { capacity: 3 });
    for (const name of ['Aino', 'Eino', 'Iida']) await guestOf(t, adviser, eventId, name);
    const before = await stored(eventId);
    const res = await t.http
      .put(`/api/v1/events/${eventId}`)
      .set(finnishAdviser)
      .send({ ...eventBody(site.id, { capacity: 2 }), version: before.version })
      .expect(422);
    expect(res.body.errors).toEqual([
      {
        field: 'capacity',
        code: 'capacityBelowRegistered',
        message: 'Nuoria on jo ilmoittautunut 3: paikkoja ei voi olla vähemmän.',
      },
    ]);
    expect((await stored(eventId)).capacity).toBe(3);
  });

  it('keeps the timetable when the event moves, and clears it only when the user confirms', async () => {
    const { eventId } = await scheduledEvent();
    const generated = await stored(eventId);
    // One meeting moved by hand to the last round, so the timetable uses all four.
    const first = generated.meetings[0];
    const scheduled = (
      await t.http
        .put(`/api/v1/events/${eventId}/meetings/${first.id}`)
        .set(adviser)
        .send({ version: generated.version, round: 4, table: 1 })
        .expect(200)
    ).body;

    // Another start: every round moves with it, the meetings stay.
    const moved = await t.http
      .put(`/api/v1/events/${eventId}`)
      .set(adviser)
      .send({
        ...eventBody(site.id, { startsAt: `${day(3)}T10:00`, capacity: 4 }),
        version: scheduled.version,
      })
      .expect(200);
    expect(moved.body.meetings).toEqual(scheduled.meetings);
    expect(moved.body.score).toEqual(scheduled.score);

    // Another slot length would change what each round is: refused without the confirm.
    const slot = { ...eventBody(site.id, { startsAt: `${day(3)}T10:00`, capacity: 4 }) };
    const refused = await t.http
      .put(`/api/v1/events/${eventId}`)
      .set(adviser)
      .send({ ...slot, slotMinutes: 20, durationMinutes: 60, version: moved.body.version })
      .expect(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'slotMinutes', code: 'timetableWouldBreak' }),
    ]);
    expect(refused.body.errors[0].message).toContain(`${scheduled.meetings.length} meetings`);
    const unchanged = await stored(eventId);
    expect(unchanged.version).toBe(moved.body.version);
    expect(unchanged.meetings).toEqual(scheduled.meetings);

    // Fewer rounds than the timetable uses: refused too, on the duration.
    const shorter = await t.http
      .put(`/api/v1/events/${eventId}`)
      .set(adviser)
      .send({ ...slot, durationMinutes: 45, version: moved.body.version })
      .expect(422);
    expect(shorter.body.errors[0]).toMatchObject({
      field: 'durationMinutes',
      code: 'timetableWouldBreak',
    });

    // Confirmed: the timetable is cleared with the change, in one go.
    const cleared = await t.http
      .put(`/api/v1/events/${eventId}`)
      .set(adviser)
      .send({
        ...slot,
        slotMinutes: 20,
        durationMinutes: 60,
        clearTimetable: true,
        version: moved.body.version,
      })
      .expect(200);
    expect(cleared.body).toMatchObject({
      slotMinutes: 20,
      rounds: 3,
      meetings: [],
      score: null,
      scheduledAt: null,
    });
  });

  it('never clears a timetable that has outcomes', async () => {
    const { eventId } = await scheduledEvent();
    const scheduled = await stored(eventId);
    await t.dataSource.query(
      `UPDATE event_meetings SET outcome = 'second_interview', outcome_recorded_at = now()
        WHERE id = $1`,
      [scheduled.meetings[0].id],
    );
    const res = await t.http
      .put(`/api/v1/events/${eventId}`)
      .set(adviser)
      .send({
        ...eventBody(site.id, { slotMinutes: 20, durationMinutes: 60, capacity: 4 }),
        clearTimetable: true,
        version: scheduled.version,
      })
      .expect(409);
    expect(res.body.error).toBe('schedule_has_outcomes');
    expect((await stored(eventId)).meetings).toHaveLength(scheduled.meetings.length);
  });

  it('cancels an event with a reason; a cancelled event takes no more changes', async () => {
    const { eventId } = await scheduledEvent();
    const base = `/api/v1/events/${eventId}`;
    const noReason = await t.http
      .post(`${base}/cancel`)
      .set(finnishAdviser)
      .send({ reason: '   ' })
      .expect(422);
    expect(noReason.body.errors).toEqual([
      { field: 'reason', code: 'reasonRequired', message: 'Kirjoita, miksi tapahtuma perutaan.' },
    ]);
    expect((await stored(eventId)).status).toBe('planned');

    const cancelled = await t.http
      .post(`${base}/cancel`)
      .set(adviser)
      .send({ reason: ' Too few employers could come. ' })
      .expect(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'Too few employers could come.',
    });
    expect(new Date(cancelled.body.cancelledAt).getTime()).toBeLessThanOrEqual(Date.now());
    const listed = await t.http.get('/api/v1/events').set(adviser).expect(200);
    expect(listed.body.items.find((e: { id: string }) => e.id === eventId).status).toBe(
      'cancelled',
    );

    const again = await t.http.post(`${base}/cancel`).set(adviser).send({ reason: 'x' });
    const register = await t.http
      .post(`${base}/registrations`)
      .set(adviser)
      .send({ guest: { name: 'Late Guest', phone: '040 765 4321' } });
    const edit = await t.http
      .put(base)
      .set(adviser)
      .send({ ...eventBody(site.id, { capacity: 4 }), version: cancelled.body.version });
    const generate = await t.http
      .post(`${base}/schedule`)
      .set(adviser)
      .send({ version: cancelled.body.version });
    const reg = cancelled.body.registrations[0].id as string;
    const checkIn = await t.http
      .put(`${base}/registrations/${reg}/attendance`)
      .set(adviser)
      .send({ attendance: 'arrived' });
    const preferences = await t.http
      .put(`${base}/registrations/${reg}/preferences`)
      .set(adviser)
      .send({ eventEmployerIds: [] });
    for (const res of [again, register, edit, generate, checkIn, preferences]) {
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        error: 'event_cancelled',
        message: 'The event has been cancelled and can no longer be changed.',
      });
    }
    expect(await stored(eventId)).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'Too few employers could come.',
      registered: 2,
    });
  });

  it('explains kept meetings that no longer fit as field errors', async () => {
    const { eventId, eventEmployerId } = await scheduledEvent();
    const base = `/api/v1/events/${eventId}`;
    const scheduled = await stored(eventId);
    const target = scheduled.meetings[0];
    // Move a meeting to table 2 of a free round by hand: it becomes kept (fixed).
    const round = [1, 2, 3, 4].find((r) => !scheduled.meetings.some((m) => m.round === r))!;
    const moved = await t.http
      .put(`${base}/meetings/${target.id}`)
      .set(adviser)
      .send({ version: scheduled.version, round, table: 2 })
      .expect(200);
    expect((moved.body.meetings as Meeting[]).some((m) => m.fixed && m.table === 2)).toBe(true);
    // The employer is down to one table (as recorded directly), so the kept meeting no
    // longer fits.
    await t.dataSource.query(`UPDATE event_employers SET tables = 1 WHERE id = $1`, [
      eventEmployerId,
    ]);

    for (const [who, message] of [
      [adviser, 'The employer has no such table.'],
      [finnishAdviser, 'Työnantajalla ei ole tällaista pöytää.'],
    ] as const) {
      const res = await t.http
        .post(`${base}/schedule`)
        .set(who)
        .send({ version: moved.body.version, keepFixed: true })
        .expect(409);
      expect(res.body.error).toBe('schedule_fixed_meetings_conflict');
      expect(res.body.errors).toEqual([{ field: 'table', code: 'table_out_of_range', message }]);
    }
    // Nothing changed.
    const after = await stored(eventId);
    expect(after.version).toBe(moved.body.version);
    expect(after.meetings).toEqual(moved.body.meetings);

    // Without the kept meetings, it generates.
    await t.http
      .post(`${base}/schedule`)
      .set(adviser)
      .send({ version: moved.body.version, keepFixed: false })
      .expect(201);
  });
});
