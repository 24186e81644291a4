import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { nextBusinessId } from '../e2e/events-fixtures';
import { bearer, day } from '../e2e/plans-fixtures';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';

// Storing a timetable: POST /api/v1/events/:id/schedule for an event of 40 employers
// (60 tables) and 300 young people over 8 rounds, each ranking 5 employers, a third of
// them wanted by an employer. The request reads the input, runs the scheduler, replaces
// the meetings and answers with the whole event. Prints one JSON line; asserts nothing
// about time (machines differ), only that every run succeeded without double booking.
const EMPLOYERS = 40;
const PEOPLE = 300;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

jest.setTimeout(300_000);

describe('timetable generation benchmark', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
  });
  afterAll(async () => {
    await t.close();
  });

  it(`generates and stores the timetable of ${EMPLOYERS} employers × ${PEOPLE} young people`, async () => {
    const fixtures = new Fixtures(t.app);
    const site = await fixtures.site('Ohjaamo Benchmark');
    const user = await fixtures.user({ roles: ['adviser'], sites: [site] });
    const adviser = await bearer(t, user);
    const created = await t.http
      .post('/api/v1/events')
      .set(adviser)
      .send({
        siteId: site.id,
        title: 'Suuret työnantajatreffit',
        startsAt: `${day(1)}T12:00`,
        durationMinutes: 120,
        capacity: 2000,
      })
      .expect(201);
    const eventId = created.body.id as string;
    // Set-up straight into the tables: the API's per-row rules are not what is measured.
    const employerIds: string[] = [];
    for (let i = 0; i < EMPLOYERS; i++) {
      const employerId = randomUUID();
      const eventEmployerId = randomUUID();
      await t.dataSource.query(
        `INSERT INTO employers (id, name, business_id, created_by_user_id, version)
         VALUES ($1, $2, $3, $4, 1)`,
        [employerId, `Yritys ${i} Oy`, nextBusinessId(), user.id],
      );
      await t.dataSource.query(
        `INSERT INTO event_employers (id, event_id, employer_id, tables) VALUES ($1, $2, $3, $4)`,
        [eventEmployerId, eventId, employerId, i % 2 ? 1 : 2],
      );
      employerIds.push(eventEmployerId);
    }
    for (let p = 0; p < PEOPLE; p++) {
      const registrationId = randomUUID();
      await t.dataSource.query(
        `INSERT INTO event_registrations (id, event_id, number, guest_name, guest_email)
         VALUES ($1, $2, $3, $4, $5)`,
        [registrationId, eventId, p + 1, `Nuori ${p}`, `nuori${p}@example.test`],
      );
      // Popular employers are popular: rankings lean towards the first ones.
      const ranked = new Set<number>();
      for (let k = 0; ranked.size < 5; k++)
        ranked.add((p * 7 + k * k * 3) % (k < 3 ? 10 : EMPLOYERS));
      let rank = 1;
      for (const e of ranked) {
        await t.dataSource.query(
          `INSERT INTO event_preferences (registration_id, event_employer_id, rank) VALUES ($1, $2, $3)`,
          [registrationId, employerIds[e], rank++],
        );
      }
      if (p % 3 === 0) {
        await t.dataSource.query(
          `INSERT INTO event_interests (event_employer_id, registration_id) VALUES ($1, $2)`,
          [employerIds[(p * 11) % EMPLOYERS], registrationId],
        );
      }
    }

    const timings: number[] = [];
    let version = (await t.http.get(`/api/v1/events/${eventId}`).set(adviser).expect(200)).body
      .version as number;
    let last: { meetings: { round: number; registrationId: string }[]; score: object } | null =
      null;
    for (let run = 0; run < RUNS + 1; run++) {
      const started = performance.now();
      const res = await t.http
        .post(`/api/v1/events/${eventId}/schedule`)
        .set(adviser)
        .send({ version })
        .expect(201);
      // The first run warms up the code paths and is not counted.
      if (run > 0) timings.push(performance.now() - started);
      version = res.body.version as number;
      last = res.body;
    }
    const seats = new Set(last!.meetings.map((m) => `${m.round}|${m.registrationId}`));
    expect(seats.size).toBe(last!.meetings.length);
    timings.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        benchmark: 'event-schedule',
        employers: EMPLOYERS,
        people: PEOPLE,
        rounds: 8,
        meetings: last!.meetings.length,
        runs: RUNS,
        p50Ms: Math.round(timings[Math.floor(timings.length / 2)]),
        maxMs: Math.round(timings[timings.length - 1]),
        score: last!.score,
      }),
    );
  });
});
