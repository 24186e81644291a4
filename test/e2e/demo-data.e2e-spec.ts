import { loadDemoData } from '@ohjaamo/db';
import { ROLES } from '@ohjaamo/identity';
import { createTestDatabase, withClient } from '../helpers/test-database';

describe('the demo data set', () => {
  let database: { url: string; drop: () => Promise<void> };

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  const counts = (url: string) =>
    withClient(url, async (client) => {
      const { rows } = await client.query<Record<string, number>>(`
        SELECT (SELECT count(*)::int FROM organisations) AS organisations,
               (SELECT count(*)::int FROM sites) AS sites,
               (SELECT count(*)::int FROM site_agency_days) AS calendar,
               (SELECT count(*)::int FROM staff_users) AS users,
               (SELECT count(*)::int FROM clients) AS clients,
               (SELECT count(*)::int FROM visits) AS visits,
               (SELECT count(*)::int FROM desk_queue_entries) AS queue,
               (SELECT count(*)::int FROM plans) AS plans,
               (SELECT count(*)::int FROM plan_versions) AS plan_versions,
               (SELECT count(*)::int FROM self_assessments) AS self_assessments,
               (SELECT count(*)::int FROM outcomes) AS outcomes,
               (SELECT count(*)::int FROM follow_ups) AS follow_ups,
               (SELECT count(*)::int FROM concerns) AS concerns`);
      return rows[0];
    });

  it('loads sites, agencies, staff for every role, 200 clients and 2,000 visits; loading again changes nothing', async () => {
    expect(await loadDemoData(database.url)).toBe(true);
    const first = await counts(database.url);
    expect(first.sites).toBeGreaterThanOrEqual(2);
    expect(first.organisations).toBeGreaterThanOrEqual(8);
    expect(first.clients).toBe(200);
    expect(first.visits).toBe(2000);
    expect(first.queue).toBeGreaterThan(500);
    // Plans with versions, a baseline and later self-assessments, outcomes with their
    // follow-ups, and concerns: enough for the plan pages, "My tasks" and the coordinator.
    expect(first.plans).toBe(8);
    expect(first.plan_versions).toBeGreaterThan(first.plans);
    expect(first.self_assessments).toBeGreaterThanOrEqual(2 * first.plans);
    expect(first.outcomes).toBe(4);
    expect(first.follow_ups).toBe(12);
    expect(first.concerns).toBe(2);

    expect(await loadDemoData(database.url)).toBe(false);
    expect(await counts(database.url)).toEqual(first);

    await withClient(database.url, async (client) => {
      const roles = await client.query<{ role: string }>(
        `SELECT DISTINCT unnest(roles) AS role FROM staff_users`,
      );
      expect(roles.rows.map((r) => r.role).sort()).toEqual([...ROLES].sort());
      // Visits fall in the last 12 months and on days the site is open.
      const outside = await client.query<{ n: number }>(`
        SELECT count(*)::int AS n FROM visits v JOIN sites s ON s.id = v.site_id
         WHERE v.started_at > now() OR v.started_at < now() - interval '366 days'
            OR NOT (s.opening_hours ? extract(isodow FROM v.started_at AT TIME ZONE 'Europe/Helsinki')::int::text)`);
      expect(outside.rows[0].n).toBe(0);
      const firstVisits = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT client_id FROM visits WHERE client_id IS NOT NULL AND first_visit GROUP BY client_id HAVING count(*) > 1) x`,
      );
      expect(firstVisits.rows[0].n).toBe(0);
      // The demo adviser has plan actions to do, and one concern is past its deadline.
      const tasks = await client.query<{ actions: number; overdue: number }>(`
        SELECT (SELECT count(*)::int FROM plans p, jsonb_array_elements(p.content->'actions') a
                 WHERE a->'responsible'->>'staffUserId' = u.id::text) AS actions,
               (SELECT count(*)::int FROM concerns WHERE resolved_at IS NULL AND react_by < now()) AS overdue
          FROM staff_users u WHERE u.email = 'adviser@demo.ohjaamo.fi'`);
      expect(tasks.rows[0].actions).toBeGreaterThan(0);
      expect(tasks.rows[0].overdue).toBe(1);
    });
  });

  it('has employers, an upcoming event with its timetable and a past event where over a quarter were hired', async () => {
    await withClient(database.url, async (client) => {
      const { rows } = await client.query<Record<string, number>>(`
        SELECT (SELECT count(*)::int FROM employers) AS employers,
               (SELECT count(*)::int FROM vacancies) AS vacancies,
               (SELECT count(*)::int FROM recruitment_events WHERE starts_at > now()) AS upcoming,
               (SELECT count(*)::int FROM recruitment_events WHERE ends_at < now()) AS past,
               (SELECT count(*)::int FROM (SELECT 1 FROM event_meetings
                  GROUP BY event_id, round, registration_id HAVING count(*) > 1) x) AS doubles`);
      expect(rows[0]).toMatchObject({ employers: 4, upcoming: 1, past: 1, doubles: 0 });
      expect(rows[0].vacancies).toBeGreaterThanOrEqual(4);
      const hired = await client.query<{ present: number; hired: number }>(`
        SELECT count(*) FILTER (WHERE r.attendance IN ('arrived', 'late'))::int AS present,
               count(*) FILTER (WHERE f.hired)::int AS hired
          FROM recruitment_events e JOIN event_registrations r ON r.event_id = e.id
          LEFT JOIN event_follow_ups f ON f.registration_id = r.id AND f.months = 1
         WHERE e.ends_at < now()`);
      expect(hired.rows[0].hired / hired.rows[0].present).toBeGreaterThan(0.25);
    });
  });
});
