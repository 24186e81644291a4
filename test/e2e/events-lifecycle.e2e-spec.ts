import type { Site } from '@ohjaamo/identity';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';
import { employerOf, eventOf, guestOf, holdEvent } from './events-fixtures';
import { auditCount, bearer, clientOf, day, type Headers } from './plans-fixtures';

// One event from creation to its report: employers and tables, registrations, preferences
// and interest, the generated timetable with manual adjustments, check-in, outcomes and
// the 1- and 3-month follow-ups.

interface Meeting {
  id: string;
  round: number;
  eventEmployerId: string;
  registrationId: string;
  table: number;
  fixed: boolean;
}

function assertNoDoubleBooking(meetings: Meeting[]): void {
  const seats = meetings.map((m) => `${m.round}|${m.eventEmployerId}|${m.table}`);
  const people = meetings.map((m) => `${m.round}|${m.registrationId}`);
  const pairs = meetings.map((m) => `${m.eventEmployerId}|${m.registrationId}`);
  expect(new Set(seats).size).toBe(meetings.length);
  expect(new Set(people).size).toBe(meetings.length);
  expect(new Set(pairs).size).toBe(meetings.length);
}

describe('recruitment events: lifecycle', () => {
  let t: TestApp;
  let site: Site;
  let adviser: Headers;
  let desk: Headers;
  let coordinator: Headers;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    const fixtures = new Fixtures(t.app);
    site = await fixtures.site();
    const org = await fixtures.organisation();
    adviser = await bearer(
      t,
      await fixtures.user({ roles: ['adviser'], organisation: org, sites: [site] }),
    );
    desk = await bearer(t, await fixtures.user({ roles: ['front_desk'], sites: [site] }));
    coordinator = await bearer(t, await fixtures.user({ roles: ['coordinator'], sites: [site] }));
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs an event from creation to the report', async () => {
    const eventId = await eventOf(t, adviser, site.id, { capacity: 6 });
    const base = `/api/v1/events/${eventId}`;

    // Employers: one with a single table, one with two.
    const kahvila = await employerOf(t, adviser, 'Kahvila Aalto');
    const kauppa = await employerOf(t, adviser, 'Kauppa Oy');
    const cafe = (
      await t.http.post(`${base}/employers`).set(adviser).send({ employerId: kahvila, tables: 1 })
    ).body.id as string;
    const shop = (
      await t.http.post(`${base}/employers`).set(adviser).send({ employerId: kauppa, tables: 2 })
    ).body.id as string;
    const again = await t.http
      .post(`${base}/employers`)
      .set(adviser)
      .send({ employerId: kauppa, tables: 1 })
      .expect(422);
    expect(again.body.errors[0].code).toBe('employerAlreadyIn');

    // Young people: a linked client and three guests.
    const clientId = await clientOf(t, adviser);
    const linked = (
      await t.http.post(`${base}/registrations`).set(adviser).send({ clientId }).expect(201)
    ).body.id as string;
    const aino = await guestOf(t, adviser, eventId, 'Aino Guest');
    const eino = await guestOf(t, adviser, eventId, 'Eino Guest');
    const iida = await guestOf(t, adviser, eventId, 'Iida Guest');

    // Preferences (best first) and the employers' interest.
    for (const [registration, ranking] of [
      [linked, [cafe, shop]],
      [aino, [cafe]],
      [eino, [shop, cafe]],
      [iida, [shop]],
    ] as const) {
      await t.http
        .put(`${base}/registrations/${registration}/preferences`)
        .set(adviser)
        .send({ eventEmployerIds: ranking })
        .expect(204);
    }
    await t.http
      .put(`${base}/employers/${cafe}/interest`)
      .set(adviser)
      .send({ registrationIds: [iida] })
      .expect(204);

    const before = await t.http.get(base).set(adviser).expect(200);
    expect(before.body.registrations.map((r: { name: string }) => r.name)).toEqual([
      'Suunnitelma Testinen',
      'Aino Guest',
      'Eino Guest',
      'Iida Guest',
    ]);
    expect(before.body.registrations[0]).toMatchObject({ kind: 'client', clientId, guest: null });
    expect(before.body.registrations[2].preferences).toEqual([shop, cafe]);
    expect(before.body.eventEmployers.find((e: { id: string }) => e.id === cafe).interest).toEqual([
      iida,
    ]);
    // Showing the linked client's name is a read of their record, audited.
    expect(await auditCount(t, clientId, 'event.participants_read')).toBeGreaterThan(0);
    expect(await auditCount(t, clientId, 'event.registered')).toBe(1);

    // Generate the timetable.
    const generated = await t.http
      .post(`${base}/schedule`)
      .set(adviser)
      .send({ version: before.body.version })
      .expect(201);
    const meetings = generated.body.meetings as Meeting[];
    expect(meetings.length).toBeGreaterThanOrEqual(5);
    assertNoDoubleBooking(meetings);
    expect(generated.body.score).toMatchObject({ meetings: meetings.length });
    expect(generated.body.version).toBe(before.body.version + 1);
    for (const m of meetings) {
      expect(m.round).toBeGreaterThanOrEqual(1);
      expect(m.round).toBeLessThanOrEqual(4);
    }

    // A move onto a seat that is taken is refused and changes nothing.
    const version = generated.body.version as number;
    const [first] = meetings;
    const other = meetings.find(
      (m) => m.round !== first.round || m.eventEmployerId !== first.eventEmployerId,
    )!;
    const refused = await t.http
      .put(`${base}/meetings/${first.id}`)
      .set(adviser)
      .send({
        version,
        round: other.round,
        table: other.table,
        eventEmployerId: other.eventEmployerId,
      })
      .expect(409);
    expect(refused.body.error).toBe('schedule_conflict');
    expect(refused.body.errors.length).toBeGreaterThan(0);
    const unchanged = await t.http.get(base).set(adviser).expect(200);
    expect(unchanged.body.version).toBe(version);
    expect(unchanged.body.meetings).toEqual(generated.body.meetings);

    // A table that does not exist is refused too, with the reason.
    const noTable = await t.http
      .put(`${base}/meetings/${first.id}`)
      .set(adviser)
      .send({ version, round: first.round, table: 9 })
      .expect(409);
    expect(noTable.body.errors[0]).toMatchObject({ field: 'table', code: 'table_out_of_range' });

    // A valid manual change: remove a meeting and put it back in a free round, by hand.
    const target = meetings[0];
    const removed = await t.http
      .delete(`${base}/meetings/${target.id}`)
      .set(adviser)
      .send({ version })
      .expect(200);
    const busyRounds = new Set(
      (removed.body.meetings as Meeting[])
        .filter(
          (m) =>
            m.registrationId === target.registrationId ||
            (m.eventEmployerId === target.eventEmployerId && m.table === target.table),
        )
        .map((m) => m.round),
    );
    const freeRound = [1, 2, 3, 4].find((r) => !busyRounds.has(r))!;
    const added = await t.http
      .post(`${base}/meetings`)
      .set(adviser)
      .send({
        version: removed.body.version,
        round: freeRound,
        eventEmployerId: target.eventEmployerId,
        registrationId: target.registrationId,
        table: target.table,
      })
      .expect(201);
    const fixed = (added.body.meetings as Meeting[]).filter((m) => m.fixed);
    expect(fixed).toEqual([
      expect.objectContaining({
        round: freeRound,
        eventEmployerId: target.eventEmployerId,
        registrationId: target.registrationId,
      }),
    ]);

    // Two users at once: the one who saw an old version is refused.
    const stale = await t.http
      .post(`${base}/schedule`)
      .set(adviser)
      .send({ version: removed.body.version })
      .expect(409);
    expect(stale.body.error).toBe('schedule_version_conflict');

    // Regenerating while keeping meetings set by hand keeps them.
    const regenerated = await t.http
      .post(`${base}/schedule`)
      .set(adviser)
      .send({ version: added.body.version, keepFixed: true })
      .expect(201);
    assertNoDoubleBooking(regenerated.body.meetings);
    expect((regenerated.body.meetings as Meeting[]).filter((m) => m.fixed)).toEqual([
      expect.objectContaining({
        round: freeRound,
        eventEmployerId: target.eventEmployerId,
        registrationId: target.registrationId,
        table: target.table,
      }),
    ]);

    // Event day: the front desk checks people in.
    await t.http
      .put(`${base}/registrations/${linked}/attendance`)
      .set(desk)
      .send({ attendance: 'arrived' })
      .expect(204);
    await t.http
      .put(`${base}/registrations/${aino}/attendance`)
      .set(desk)
      .send({ attendance: 'late' })
      .expect(204);
    await t.http
      .put(`${base}/registrations/${eino}/attendance`)
      .set(desk)
      .send({ attendance: 'arrived' })
      .expect(204);
    await t.http
      .put(`${base}/registrations/${iida}/attendance`)
      .set(desk)
      .send({ attendance: 'no_show' })
      .expect(204);
    for (const id of [cafe, shop]) {
      await t.http
        .put(`${base}/employers/${id}/attendance`)
        .set(desk)
        .send({ attendance: 'arrived' })
        .expect(204);
    }
    await t.http
      .put(`${base}/registrations/${iida}/attendance`)
      .set(desk)
      .send({ attendance: 'gone' })
      .expect(422);
    // The front desk checks in but does not manage the event.
    await t.http.get(base).set(desk).expect(403);

    // Outcomes wait for the event to start.
    const final = regenerated.body.meetings as Meeting[];
    const linkedMeeting = final.find((m) => m.registrationId === linked)!;
    const early = await t.http
      .put(`${base}/meetings/${linkedMeeting.id}/outcome`)
      .set(adviser)
      .send({ outcome: 'hired' })
      .expect(422);
    expect(early.body.errors[0].code).toBe('eventNotStarted');

    await holdEvent(t, eventId);
    await t.http
      .put(`${base}/meetings/${linkedMeeting.id}/outcome`)
      .set(adviser)
      .send({ outcome: 'second_interview', openApplicationLeft: true })
      .expect(204);
    const ainoMeeting = final.find((m) => m.registrationId === aino)!;
    await t.http
      .put(`${base}/meetings/${ainoMeeting.id}/outcome`)
      .set(adviser)
      .send({ outcome: 'no_further_interest' })
      .expect(204);
    // Outcomes recorded: the timetable can no longer be regenerated.
    const current = await t.http.get(base).set(adviser).expect(200);
    await t.http
      .post(`${base}/schedule`)
      .set(adviser)
      .send({ version: current.body.version })
      .expect(409);

    // Follow-ups: the linked client was hired by a participating employer.
    const bad = await t.http
      .post(`${base}/registrations/${linked}/follow-ups`)
      .set(adviser)
      .send({ months: 1, hired: true })
      .expect(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'eventEmployerId',
      'hiredOn',
    ]);
    await t.http
      .post(`${base}/registrations/${linked}/follow-ups`)
      .set(adviser)
      .send({
        months: 1,
        hired: true,
        eventEmployerId: linkedMeeting.eventEmployerId,
        hiredOn: day(0),
      })
      .expect(204);
    await t.http
      .post(`${base}/registrations/${eino}/follow-ups`)
      .set(adviser)
      .send({ months: 1, hired: false })
      .expect(204);
    await t.http
      .post(`${base}/registrations/${eino}/follow-ups`)
      .set(adviser)
      .send({ months: 2, hired: false })
      .expect(422);

    // Recorded outcomes are never lost by removing who they belong to.
    const kept = await t.http
      .delete(`${base}/employers/${linkedMeeting.eventEmployerId}`)
      .set(adviser)
      .expect(409);
    expect(kept.body.error).toBe('event_employer_has_outcomes');
    await t.http.delete(`${base}/registrations/${linked}`).set(adviser).expect(409);

    // The report: aggregate figures, for coordinators as well.
    const report = await t.http.get(`${base}/report`).set(coordinator).expect(200);
    const held = final.filter((m) => [linked, aino, eino].includes(m.registrationId)).length;
    expect(report.body).toMatchObject({
      registered: 4,
      participants: 3,
      noShows: 1,
      employers: 2,
      employersPresent: 2,
      meetingsScheduled: final.length,
      meetingsHeld: held,
      openApplications: 1,
      followUpsRecorded: { months1: 2, months3: 0 },
      hiredWithin3Months: 1,
      overQuarterHired: true,
    });
    expect(report.body.outcomes).toMatchObject({
      second_interview: 1,
      no_further_interest: 1,
      hired: 0,
    });
    expect(report.body.hiredShare).toBeCloseTo(1 / 3);
    // Coordinators see figures, never the people.
    await t.http.get(base).set(coordinator).expect(403);
  });

  it('gives a late arrival only the rounds still to come when the timetable is regenerated', async () => {
    const eventId = await eventOf(t, adviser, site.id);
    const base = `/api/v1/events/${eventId}`;
    const employer = await employerOf(t, adviser, 'Myöhäinen Oy');
    const table = (
      await t.http.post(`${base}/employers`).set(adviser).send({ employerId: employer, tables: 1 })
    ).body.id as string;
    const late = await guestOf(t, adviser, eventId, 'Late Guest');
    const onTime = await guestOf(t, adviser, eventId, 'On Time Guest');
    for (const registration of [late, onTime]) {
      await t.http
        .put(`${base}/registrations/${registration}/preferences`)
        .set(adviser)
        .send({ eventEmployerIds: [table] })
        .expect(204);
    }
    // The event (4 rounds of 15 minutes) began 35 minutes ago: three rounds have begun.
    await t.dataSource.query(
      `UPDATE recruitment_events SET starts_at = now() - interval '35 minutes',
              ends_at = now() + interval '25 minutes' WHERE id = $1`,
      [eventId],
    );
    await t.http
      .put(`${base}/registrations/${late}/attendance`)
      .set(desk)
      .send({ attendance: 'late' })
      .expect(204);
    const { version } = (await t.http.get(base).set(adviser).expect(200)).body;
    const generated = await t.http
      .post(`${base}/schedule`)
      .set(adviser)
      .send({ version })
      .expect(201);
    const meetings = generated.body.meetings as Meeting[];
    expect(meetings.filter((m) => m.registrationId === late).map((m) => m.round)).toEqual([4]);
    expect(meetings.filter((m) => m.registrationId === onTime)).toHaveLength(1);
  });
});
