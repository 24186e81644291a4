import type { DataSource } from 'typeorm';

// A known, seeded data set for the report tests, written straight into the tables: it
// needs dates months in the past, which the product's API rightly refuses (visits can be
// backdated 14 days, timestamps of consents and plans are "now").

/** Small deterministic PRNG (mulberry32), so every run builds the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeedContext {
  siteIds: string[];
  organisationIds: string[];
  userId: string;
  organisationId: string;
  /** Data from here to `until` (instants). */
  from: Date;
  until: Date;
  seed?: number;
}

const CHANNELS = ['walk_in', 'appointment', 'phone', 'chat', 'outreach', 'group'];
const TOPICS = [
  'work',
  'education',
  'income_benefits',
  'housing',
  'health_wellbeing',
  'life_management',
  'other',
];
const END_REASONS = ['goal_reached', 'moved_away', 'no_contact', 'own_wish', 'other'];
const PLAN_TYPES = ['shared_service_plan', 'activation_plan', 'employment_plan', 'welfare_plan'];
export const CATEGORIES = [
  'employed_open_market',
  'wage_subsidy',
  'entrepreneur',
  'apprenticeship',
  'upper_secondary_general',
  'vocational',
  'higher_education',
  'preparatory',
  'labour_market_training',
  'self_motivated_study',
  'work_trial',
  'coaching',
  'youth_workshop',
  'rehabilitative_work',
  'rehabilitation',
  'activation_plan',
  'military_or_civil_service',
  'family_leave',
  'moved_away',
  'lost_contact',
  'other',
];

/** Writes clients, visits, desk waits, consents, plans, outcomes and follow-ups. */
export async function seedReportData(
  ds: DataSource,
  ctx: SeedContext,
  counts: Record<string, number> = {
    clients: 40,
    visits: 260,
    queue: 70,
    consents: 18,
    plans: 12,
    outcomes: 30,
    events: 8,
  },
): Promise<{ clientIds: string[] }> {
  const random = prng(ctx.seed ?? 20261023);
  const seedTag = String(ctx.seed ?? 20261023);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const span = ctx.until.getTime() - ctx.from.getTime();
  const instant = () => new Date(ctx.from.getTime() + Math.floor(random() * span));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

  const clientIds: string[] = [];
  for (let i = 0; i < counts.clients; i++) {
    const created = instant();
    const ended = random() < 0.3 ? addDays(created, 5 + Math.floor(random() * 120)) : null;
    const endedAt = ended && ended < ctx.until ? ended : null;
    const birth =
      random() < 0.1
        ? null
        : `${1993 + Math.floor(random() * 20)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const [row] = await ds.query<{ id: string }[]>(
      `INSERT INTO clients (first_name, last_name, first_name_key, last_name_key, birth_date, language,
                            gender, status, ended_at, end_reason, created_by_organisation_id, created_at, version)
       VALUES ('Testi', 'Nuori' || $1::text, 'testi', 'nuori' || $1::text, $2, $3, $4, $5, $6, $7, $8, $9, 1)
       RETURNING id`,
      [
        i,
        birth,
        pick(['fi', 'fi', 'fi', 'sv', 'en', 'so', null]),
        pick(['female', 'male', 'other', 'not_stated', null]),
        endedAt ? 'ended' : 'active',
        endedAt,
        endedAt ? pick(END_REASONS) : null,
        ctx.organisationId,
        created,
      ],
    );
    clientIds.push(row.id);
  }

  // Visits, with instants on both sides of Helsinki month boundaries (UTC+3 in summer,
  // UTC+2 in winter) to prove months are Helsinki months.
  const boundaries = [
    new Date('2026-09-30T20:30:00Z'), // 30 Sep 23:30 Helsinki → September
    new Date('2026-09-30T21:30:00Z'), // 1 Oct 00:30 Helsinki → October
    new Date('2026-10-31T21:30:00Z'), // 31 Oct 23:30 Helsinki → October
    new Date('2026-10-31T22:30:00Z'), // 1 Nov 00:30 Helsinki → November
  ].filter((d) => d >= ctx.from && d < ctx.until);
  for (let i = 0; i < counts.visits + boundaries.length; i++) {
    const started = i < boundaries.length ? boundaries[i] : instant();
    const client = random() < 0.65 ? pick(clientIds) : null;
    const topics = TOPICS.filter(() => random() < 0.25);
    const agencies = ctx.organisationIds.filter(() => random() < 0.5);
    await ds.query(
      `INSERT INTO visits (site_id, started_at, channel, client_id, first_visit, topics, agency_ids,
                           services_given, referral_organisation_id, undone_at,
                           logged_by_user_id, logged_by_organisation_id, idempotency_key, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, gen_random_uuid(), 1)`,
      [
        pick(ctx.siteIds),
        started,
        pick(CHANNELS),
        client,
        random() < 0.3,
        topics,
        agencies,
        random() < 0.15 ? ['coaching'] : [],
        random() < 0.15 ? pick(ctx.organisationIds) : null,
        i >= boundaries.length && random() < 0.05 ? started : null,
        ctx.userId,
        ctx.organisationId,
      ],
    );
  }

  for (let i = 0; i < counts.queue; i++) {
    const arrived = instant();
    await ds.query(
      `INSERT INTO desk_queue_entries (site_id, queue_day, queue_number, status, arrived_by_user_id,
                                       arrived_at, wait_seconds, version)
       VALUES ($1, ($2::timestamptz AT TIME ZONE 'Europe/Helsinki')::date, $3, 'done', $4, $2, $5, 1)`,
      [
        pick(ctx.siteIds),
        arrived,
        i + 1,
        ctx.userId,
        random() < 0.1 ? null : Math.floor(random() * random() * 3600),
      ],
    );
  }

  for (let i = 0; i < counts.consents; i++) {
    const given = instant();
    const withdrawn = random() < 0.35 ? addDays(given, 3 + Math.floor(random() * 90)) : null;
    const withdrawnAt = withdrawn && withdrawn < ctx.until ? withdrawn : null;
    const [row] = await ds.query<{ id: string }[]>(
      `INSERT INTO consents (client_id, status, organisation_kinds, sections, purpose, valid_from, valid_until,
                             form_version, form_language, method, recorded_by_user_id,
                             recorded_by_organisation_id, created_at)
       VALUES ($1, $2, '{kela}', '{basic}', 'Testi', $3, $4, 'v1', 'fi', 'signed_paper', $5, $6, $7)
       RETURNING id`,
      [
        pick(clientIds),
        withdrawnAt ? 'withdrawn' : 'given',
        day(given),
        day(addDays(given, 30 + Math.floor(random() * 300))),
        ctx.userId,
        ctx.organisationId,
        given,
      ],
    );
    await ds.query(
      `INSERT INTO consent_status_history (consent_id, from_status, to_status, at, by_user_id)
       VALUES ($1, 'requested', 'given', $2, $3)`,
      [row.id, given, ctx.userId],
    );
    if (withdrawnAt) {
      await ds.query(
        `INSERT INTO consent_status_history (consent_id, from_status, to_status, at, by_user_id)
         VALUES ($1, 'given', 'withdrawn', $2, $3)`,
        [row.id, withdrawnAt, ctx.userId],
      );
    }
  }

  const planned = [...clientIds].sort(() => random() - 0.5).slice(0, counts.plans);
  for (const clientId of planned) {
    const saved = instant();
    const [plan] = await ds.query<{ id: string }[]>(
      `INSERT INTO plans (client_id, type, start_date, content, version, updated_by_user_id, updated_at)
       VALUES ($1, $2, $3, '{}', 1, $4, $5) RETURNING id`,
      [clientId, pick(PLAN_TYPES), day(saved), ctx.userId, saved],
    );
    await ds.query(
      `INSERT INTO plan_versions (plan_id, version, snapshot, saved_by_user_id, saved_by_organisation_id, saved_at)
       VALUES ($1, 1, '{}', $2, $3, $4)`,
      [plan.id, ctx.userId, ctx.organisationId, saved],
    );
  }

  for (let i = 0; i < counts.outcomes; i++) {
    const start = day(instant());
    const clientId = pick(clientIds);
    const [outcome] = await ds.query<{ id: string }[]>(
      `INSERT INTO outcomes (client_id, category, start_date, source, recorded_by_user_id, recorded_by_organisation_id)
       VALUES ($1, $2, $3, 'agency_record', $4, $5) RETURNING id`,
      [clientId, pick(CATEGORIES), start, ctx.userId, ctx.organisationId],
    );
    for (const months of [3, 6, 12]) {
      const recorded = random() < 0.6;
      await ds.query(
        `INSERT INTO follow_ups (outcome_id, client_id, months, due_on, still_holds, recorded_at, recorded_by_user_id)
         VALUES ($1, $2, $3::int, $4::date + make_interval(months => $3::int), $5, $6, $7)`,
        [
          outcome.id,
          clientId,
          months,
          start,
          recorded ? random() < 0.7 : null,
          recorded ? new Date() : null,
          recorded ? ctx.userId : null,
        ],
      );
    }
  }
  // Recruitment events with employers, registrations (clients and guests), meetings and
  // hiring follow-ups.
  const employerIds: string[] = [];
  for (let i = 0; i < 3; i++) {
    const [employer] = await ds.query<{ id: string }[]>(
      `INSERT INTO employers (name, business_id, created_by_user_id, version)
       VALUES ('Yritys ' || $1::text || ' ' || $2::text, $3, $4, 1) RETURNING id`,
      [
        i,
        seedTag,
        `${String(1000000 + Math.floor(random() * 8999999)).slice(0, 7)}-${i}`,
        ctx.userId,
      ],
    );
    employerIds.push(employer.id);
  }
  for (let i = 0; i < (counts.events ?? 8); i++) {
    // Every fourth event is cancelled, a month before the data ends (in the months reports
    // are compared for), so counting it anywhere shows as a mismatch.
    const cancelled = i % 4 === 3;
    const drawn = instant();
    const starts = cancelled ? addDays(ctx.until, -30 - i) : drawn;
    const [event] = await ds.query<{ id: string }[]>(
      `INSERT INTO recruitment_events (site_id, title, starts_at, ends_at, rounds, capacity, created_by_user_id, version,
                                       status, cancelled_at, cancellation_reason)
       VALUES ($1, 'Treffit', $2, $2::timestamptz + interval '2 hours', 4, 40, $3, 1,
               $4::text, CASE WHEN $4::text = 'cancelled' THEN now() END,
               CASE WHEN $4::text = 'cancelled' THEN 'Peruttu' END)
       RETURNING id`,
      [pick(ctx.siteIds), starts, ctx.userId, cancelled ? 'cancelled' : 'planned'],
    );
    const tables: string[] = [];
    for (const employerId of employerIds.filter(() => random() < 0.7)) {
      const [row] = await ds.query<{ id: string }[]>(
        `INSERT INTO event_employers (event_id, employer_id) VALUES ($1, $2) RETURNING id`,
        [event.id, employerId],
      );
      tables.push(row.id);
    }
    const people = 2 + Math.floor(random() * 12);
    for (let n = 1; n <= people; n++) {
      const guest = random() < 0.3;
      const [registration] = await ds.query<{ id: string }[]>(
        `INSERT INTO event_registrations (event_id, number, client_id, guest_name, attendance)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [
          event.id,
          n,
          guest ? null : clientIds[(i * 7 + n) % clientIds.length],
          guest ? 'Vieras' : null,
          pick(['registered', 'arrived', 'arrived', 'late', 'no_show']),
        ],
      );
      for (const [round, tableId] of tables.entries()) {
        if (random() < 0.5) continue;
        await ds.query(
          `INSERT INTO event_meetings (event_id, round, event_employer_id, registration_id, "table")
           VALUES ($1, $2, $3, $4, $5)`,
          [event.id, round + 1 + n * 10, tableId, registration.id, 1],
        );
      }
      if (tables.length > 0 && random() < 0.4) {
        const hired = random() < 0.6;
        const hiredOn = addDays(starts, Math.floor(random() * 140));
        await ds.query(
          `INSERT INTO event_follow_ups (registration_id, months, hired, event_employer_id, hired_on, recorded_at, recorded_by_user_id)
           VALUES ($1, 3, $2, $3, $4, now(), $5)`,
          [
            registration.id,
            hired,
            hired ? pick(tables) : null,
            hired ? day(hiredOn) : null,
            ctx.userId,
          ],
        );
      }
    }
  }
  return { clientIds };
}
