import type { DataSource } from 'typeorm';

/**
 * A national-scale data set for the report benchmark, made inside PostgreSQL with
 * generate_series (no rows travel through Node): 100 sites in 12 regions, 1,000,000
 * clients, 10,000,000 visits over the ten years before `until`, 2,000,000 desk queue
 * entries with waiting times, 300,000 consents with their status history, 200,000 plans,
 * 400,000 outcomes with 3/6/12-month follow-ups. Ids are derived from row numbers
 * (md5(kind || n)::uuid) so the tables join without lookups. Foreign-key triggers are
 * off during the load (session_replication_role = replica): the generator makes the
 * references right by construction. Spreads are uniform pseudo-random (setseed), so a
 * run is repeatable.
 */
// BENCH_REPORTS_SCALE (default 1) shrinks the row counts for a quick trial of the script.
const SCALE = Number(process.env.BENCH_REPORTS_SCALE ?? 1);
const scaled = (n: number) => Math.max(1, Math.round(n * SCALE));

export const NATIONAL = {
  sites: 100,
  regions: 12,
  clients: scaled(1_000_000),
  visits: scaled(10_000_000),
  queueEntries: scaled(2_000_000),
  consents: scaled(300_000),
  plans: scaled(200_000),
  outcomes: scaled(400_000),
  years: 10,
};

const id = (kind: string, n: string) => `md5('${kind}' || ${n})::uuid`;

export async function generateNationalData(
  ds: DataSource,
  until: Date,
  log: (message: string) => void,
): Promise<void> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  const q = async (label: string, sql: string, params: unknown[] = []) => {
    const started = Date.now();
    await runner.query(sql, params);
    log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  try {
    await runner.query(`SET session_replication_role = replica`);
    await runner.query(`SET synchronous_commit = off`);
    await runner.query(`SET maintenance_work_mem = '512MB'`);
    await runner.query(`SET work_mem = '64MB'`);
    await runner.query(`SELECT setseed(0.42)`);
    // One transaction: a failed run leaves nothing behind and the next run starts over.
    await runner.startTransaction();
    const from = new Date(until.getTime() - NATIONAL.years * 365.25 * 86_400_000);
    const span = `(extract(epoch FROM $2::timestamptz) - extract(epoch FROM $1::timestamptz))`;
    const at = (r: string) => `$1::timestamptz + make_interval(secs => ${r} * ${span})`;

    await q(
      'organisations and a user',
      `INSERT INTO organisations (id, name, kind)
       SELECT ${id('o', 'n::text')}, 'Bench agency ' || n,
              (ARRAY['municipality','employment_services','kela','social_services','education',
                     'outreach_youth_work','youth_workshop','health_services','ngo','municipality'])[n]
         FROM generate_series(1, 10) n;
       INSERT INTO staff_users (id, organisation_id, email, display_name, password_hash, roles)
       VALUES (${id('u', "'1'")}, ${id('o', "'1'")}, 'bench@bench.invalid', 'Bench', '-', '{front_desk}')`,
    );
    await q(
      'sites',
      `INSERT INTO sites (id, name, street_address, postal_code, municipality, region)
       SELECT ${id('s', 'n::text')}, 'Bench Ohjaamo ' || n, 'Katu ' || n, '00100', 'Kunta ' || n,
              'Region ' || (1 + n % ${NATIONAL.regions})
         FROM generate_series(1, ${NATIONAL.sites}) n`,
    );
    await q(
      'clients',
      `INSERT INTO clients (id, first_name, last_name, first_name_key, last_name_key, birth_date,
                            language, gender, status, ended_at, end_reason,
                            created_by_organisation_id, created_at, version)
       SELECT ${id('c', 'n::text')}, 'Etu' || n, 'Suku' || n, 'etu' || n, 'suku' || n,
              DATE '1992-01-01' + (random() * 7300)::int,
              (ARRAY['fi','fi','fi','fi','fi','fi','sv','en','so','ar'])[1 + (random() * 9)::int],
              (ARRAY['female','male','other','not_stated', NULL])[1 + (random() * 4)::int],
              CASE WHEN ended THEN 'ended' ELSE 'active' END,
              CASE WHEN ended THEN created + interval '200 days' END,
              CASE WHEN ended THEN (ARRAY['goal_reached','moved_away','no_contact','own_wish','other'])[1 + (random() * 4)::int] END,
              ${id('o', "'1'")}, created, 1
         FROM (SELECT n, ${at('random()')} AS created, random() < 0.3 AS ended
                 FROM generate_series(1, ${NATIONAL.clients}) n) g
        WHERE NOT ended OR created + interval '200 days' < $2`,
      [from, until],
    );
    await q(
      'visits',
      `INSERT INTO visits (site_id, started_at, channel, client_id, age_band, gender, language,
                           first_visit, topics, agency_ids, services_given,
                           referral_organisation_id, logged_by_user_id,
                           logged_by_organisation_id, idempotency_key, version)
       SELECT ${id('s', '(1 + (CASE WHEN random() < 0.9 AND c IS NOT NULL THEN c % ' + NATIONAL.sites + ' ELSE (random() * ' + (NATIONAL.sites - 1) + ')::int END))::text')},
              ${at('random()')},
              (ARRAY['walk_in','walk_in','walk_in','appointment','phone','chat','outreach','group'])[1 + (random() * 7)::int],
              CASE WHEN c IS NULL THEN NULL ELSE ${id('c', 'c::text')} END,
              (ARRAY['15_17','18_24','18_24','25_29'])[1 + (random() * 3)::int],
              (ARRAY['female','male','other','not_told'])[1 + (random() * 3)::int],
              'fi', random() < 0.15,
              CASE (random() * 4)::int WHEN 0 THEN '{work}'::text[] WHEN 1 THEN '{education}'
                   WHEN 2 THEN '{work,income_benefits}' WHEN 3 THEN '{housing}'
                   ELSE '{health_wellbeing,life_management}' END,
              ARRAY[${id('o', '(1 + (random() * 9)::int)::text')}],
              CASE WHEN random() < 0.2 THEN ARRAY['coaching'] ELSE '{}' END,
              CASE WHEN random() < 0.1 THEN ${id('o', '(1 + (random() * 9)::int)::text')} END,
              ${id('u', "'1'")}, ${id('o', "'1'")}, gen_random_uuid(), 1
         FROM (SELECT CASE WHEN random() < 0.7 THEN 1 + (random() * ${NATIONAL.clients - 1})::int END AS c
                 FROM generate_series(1, ${NATIONAL.visits})) g`,
      [from, until],
    );
    await q(
      'desk queue',
      `INSERT INTO desk_queue_entries (site_id, queue_day, queue_number, status, arrived_by_user_id,
                                       arrived_at, wait_seconds, version)
       SELECT ${id('s', '(1 + n % ' + NATIONAL.sites + ')::text')}, (a AT TIME ZONE 'Europe/Helsinki')::date, n, 'done',
              ${id('u', "'1'")}, a, (-ln(1 - random() * 0.999) * 600)::int, 1
         FROM (SELECT n, ${at('random()')} AS a FROM generate_series(1, ${NATIONAL.queueEntries}) n) g`,
      [from, until],
    );
    await q(
      'consents and their history',
      `INSERT INTO consents (id, client_id, status, organisation_kinds, sections, purpose, valid_from,
                             valid_until, form_version, form_language, method,
                             recorded_by_user_id, recorded_by_organisation_id, created_at)
       SELECT ${id('k', 'n::text')}, ${id('c', '(n * 3)::text')},
              CASE WHEN n % 5 = 0 THEN 'withdrawn' ELSE 'given' END, '{kela}', '{basic}', 'Bench',
              (g AT TIME ZONE 'Europe/Helsinki')::date, (g AT TIME ZONE 'Europe/Helsinki')::date + 730,
              'v1', 'fi', 'signed_paper', ${id('u', "'1'")}, ${id('o', "'1'")}, g
         FROM (SELECT n, ${at('random()')} AS g FROM generate_series(1, ${NATIONAL.consents}) n) s`,
      [from, until],
    );
    await q(
      'consent history',
      `INSERT INTO consent_status_history (consent_id, from_status, to_status, at)
       SELECT id, 'requested', 'given', created_at FROM consents WHERE purpose = 'Bench';
       INSERT INTO consent_status_history (consent_id, from_status, to_status, at)
       SELECT id, 'given', 'withdrawn', created_at + interval '90 days'
         FROM consents WHERE purpose = 'Bench' AND status = 'withdrawn'`,
    );
    await q(
      'plans',
      `INSERT INTO plans (id, client_id, type, start_date, content, version, updated_by_user_id, updated_at)
       SELECT ${id('p', 'n::text')}, ${id('c', '(n * 5)::text')},
              (ARRAY['shared_service_plan','shared_service_plan','activation_plan','employment_plan','welfare_plan'])[1 + (random() * 4)::int],
              (g AT TIME ZONE 'Europe/Helsinki')::date, '{}', 1, ${id('u', "'1'")}, g
         FROM (SELECT n, ${at('random()')} AS g FROM generate_series(1, ${NATIONAL.plans}) n) s`,
      [from, until],
    );
    await q(
      'plan versions',
      `INSERT INTO plan_versions (plan_id, version, snapshot, saved_by_user_id, saved_by_organisation_id, saved_at)
       SELECT id, 1, '{}', ${id('u', "'1'")}, ${id('o', "'1'")}, updated_at FROM plans`,
    );
    await q(
      'outcomes and follow-ups',
      `INSERT INTO outcomes (id, client_id, category, start_date, source, recorded_by_user_id,
                             recorded_by_organisation_id, recorded_at)
       SELECT ${id('t', 'n::text')}, ${id('c', '(1 + (n * 2) % ' + NATIONAL.clients + ')::text')},
              (ARRAY['employed_open_market','wage_subsidy','apprenticeship','vocational','higher_education',
                     'preparatory','work_trial','coaching','youth_workshop','rehabilitative_work',
                     'activation_plan','moved_away','lost_contact'])[1 + (random() * 12)::int],
              (g AT TIME ZONE 'Europe/Helsinki')::date, 'agency_record', ${id('u', "'1'")}, ${id('o', "'1'")}, g
         FROM (SELECT n, ${at('random()')} AS g FROM generate_series(1, ${NATIONAL.outcomes}) n) s`,
      [from, until],
    );
    await q(
      'follow-ups',
      `INSERT INTO follow_ups (outcome_id, client_id, months, due_on, still_holds, recorded_at, recorded_by_user_id)
       SELECT o.id, o.client_id, m, o.start_date + make_interval(months => m),
              CASE WHEN done THEN random() < 0.7 END,
              CASE WHEN done THEN o.recorded_at + make_interval(months => m) END,
              CASE WHEN done THEN ${id('u', "'1'")} END
         FROM outcomes o CROSS JOIN unnest(ARRAY[3, 6, 12]) m
         CROSS JOIN LATERAL (SELECT o.start_date + make_interval(months => m) < $1::date AND random() < 0.8 AS done) d`,
      [until],
    );
    await runner.commitTransaction();
    await q('analyse', `ANALYZE`);
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.query(`SET session_replication_role = origin`).catch(() => undefined);
    await runner.release();
  }
}
