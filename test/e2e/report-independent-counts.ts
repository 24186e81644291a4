import type { DataSource } from 'typeorm';

// Independent counts for the report tests: each figure of the report worked out again
// from the source tables with plain SQL, without the rollups or the report code. Months
// are Helsinki months (date_trunc on the Helsinki wall-clock time); the scope is a set of
// site ids or null for the whole deployment. Client figures count for the site of the
// young person's first visit.

const GROUPS: Record<string, string[]> = {
  work: ['employed_open_market', 'wage_subsidy', 'entrepreneur', 'apprenticeship'],
  education: [
    'upper_secondary_general',
    'vocational',
    'higher_education',
    'preparatory',
    'labour_market_training',
    'self_motivated_study',
  ],
  services: [
    'work_trial',
    'coaching',
    'youth_workshop',
    'rehabilitative_work',
    'rehabilitation',
    'activation_plan',
  ],
  other: ['military_or_civil_service', 'family_leave', 'moved_away', 'lost_contact', 'other'],
};
const OFFER = [...GROUPS.work, ...GROUPS.education, ...GROUPS.services];

const V = `(SELECT v.*, date_trunc('month', v.started_at AT TIME ZONE 'Europe/Helsinki')::date AS m
              FROM visits v WHERE v.undone_at IS NULL)`;
const HOME = `(SELECT DISTINCT ON (client_id) client_id, site_id FROM visits
                WHERE undone_at IS NULL AND client_id IS NOT NULL ORDER BY client_id, started_at, id)`;
const IN_SCOPE = (column: string) => `($2::uuid[] IS NULL OR ${column} = ANY($2::uuid[]))`;
const HM = (column: string) =>
  `date_trunc('month', ${column} AT TIME ZONE 'Europe/Helsinki')::date = $1::date`;
const END = `(($1::date + interval '1 month')::timestamp AT TIME ZONE 'Europe/Helsinki')`;
const LAST_DAY = `($1::date + interval '1 month' - interval '1 day')::date`;
const AGE = `extract(year FROM age(${LAST_DAY}, c.birth_date))`;

/** The independent value of one report figure: a count, minutes, a percentage or null. */
export async function independentFigure(
  ds: DataSource,
  key: string,
  month: string,
  siteIds: string[] | null,
): Promise<number | null> {
  const one = async (sql: string, extra: unknown[] = []): Promise<number | null> => {
    const [row] = await ds.query<{ n: string | number | null }[]>(sql, [
      `${month}-01`,
      siteIds,
      ...extra,
    ]);
    return row.n === null ? null : Number(row.n);
  };
  const visits = (where = 'TRUE', extra: unknown[] = []) =>
    one(
      `SELECT count(*) AS n FROM ${V} v WHERE v.m = $1 AND ${IN_SCOPE('v.site_id')} AND ${where}`,
      extra,
    );
  const clients = (where: string, extra: unknown[] = []) =>
    one(
      `SELECT count(*) AS n FROM clients c LEFT JOIN ${HOME} h ON h.client_id = c.id
          WHERE ${IN_SCOPE('h.site_id')} AND ${where}`,
      extra,
    );
  const young = (expr = 'TRUE', extra: unknown[] = []) =>
    one(
      `SELECT count(DISTINCT c.id) AS n FROM ${V} v JOIN clients c ON c.id = v.client_id
          WHERE v.m = $1 AND ${IN_SCOPE('v.site_id')} AND ${expr}`,
      extra,
    );
  const outcomes = (categories: string[]) =>
    one(
      `SELECT count(*) AS n FROM outcomes o LEFT JOIN ${HOME} h ON h.client_id = o.client_id
          WHERE date_trunc('month', o.start_date)::date = $1 AND ${IN_SCOPE('h.site_id')}
            AND o.category = ANY($3::text[])`,
      [categories],
    );
  const followUps = (months: number, holding: boolean) =>
    one(
      `SELECT count(*) AS n FROM follow_ups f LEFT JOIN ${HOME} h ON h.client_id = f.client_id
          WHERE date_trunc('month', f.due_on)::date = $1 AND ${IN_SCOPE('h.site_id')}
            AND f.months = $3 AND (NOT $4 OR f.still_holds IS TRUE)`,
      [months, holding],
    );
  const share = (num: number | null, den: number | null) =>
    den ? Math.round((1000 * (num ?? 0)) / den) / 10 : null;
  const waits = (p: number | null) =>
    one(`SELECT ${p === null ? 'count(*)' : `percentile_disc(${p}) WITHIN GROUP (ORDER BY LEAST(q.wait_seconds / 60, 1440))`} AS n
           FROM desk_queue_entries q
          WHERE q.wait_seconds IS NOT NULL AND date_trunc('month', q.queue_day)::date = $1
            AND ${IN_SCOPE('q.site_id')}`);
  const cohort = (offeredOnly: boolean) =>
    one(
      `WITH firsts AS (
           SELECT DISTINCT ON (client_id) client_id, site_id, started_at FROM visits
            WHERE undone_at IS NULL AND client_id IS NOT NULL ORDER BY client_id, started_at, id)
         SELECT count(*) AS n FROM firsts f
          WHERE date_trunc('month', f.started_at AT TIME ZONE 'Europe/Helsinki')::date = ($1::date - interval '3 months')::date
            AND ${IN_SCOPE('f.site_id')}
            AND (NOT $3 OR EXISTS (SELECT 1 FROM outcomes o WHERE o.client_id = f.client_id
                   AND o.category = ANY($4::text[])
                   AND o.start_date BETWEEN (f.started_at AT TIME ZONE 'Europe/Helsinki')::date
                                        AND ((f.started_at AT TIME ZONE 'Europe/Helsinki') + interval '3 months')::date)
              OR EXISTS (SELECT 1 FROM visits s WHERE s.client_id = f.client_id AND s.undone_at IS NULL
                   AND cardinality(s.services_given) > 0
                   AND s.started_at BETWEEN f.started_at AND f.started_at + interval '3 months'))`,
      [offeredOnly, OFFER],
    );

  const [family, a, b] = key.split('.');
  switch (`${family}.${a}`) {
    case 'visits.total':
      return visits();
    case 'visits.channel':
      return visits('v.channel = $3', [b]);
    case 'visits.first':
      return visits(b === 'first' ? 'v.first_visit' : 'NOT v.first_visit');
    case 'visits.identity':
      return visits(b === 'anonymous' ? 'v.client_id IS NULL' : 'v.client_id IS NOT NULL');
    case 'visits.agency':
      return visits('$3::uuid = ANY(v.agency_ids)', [b]);
    case 'visits.topic':
      return visits('$3::text = ANY(v.topics)', [b]);
    case 'visits.referrals':
      return visits('v.referral_organisation_id IS NOT NULL');
    case 'visits.referral':
      return visits('v.referral_organisation_id = $3', [b]);
    case 'visits.young_people':
      return young();
    case 'wait.count':
      return waits(null);
    case 'wait.median':
      return waits(0.5);
    case 'wait.p90':
      return waits(0.9);
    case 'young.new':
      return clients(HM('c.created_at'));
    case 'young.active':
      return clients(`c.created_at < ${END} AND (c.status = 'active' OR c.ended_at >= ${END})`);
    case 'young.ended':
      return b === undefined
        ? clients(HM('c.ended_at'))
        : clients(`${HM('c.ended_at')} AND c.end_reason = $3`, [b]);
    case 'young.unique':
      return young();
    case 'young.ageBand': {
      const band = {
        '15_17': `${AGE} BETWEEN 15 AND 17`,
        '18_24': `${AGE} BETWEEN 18 AND 24`,
        '25_29': `${AGE} BETWEEN 25 AND 29`,
      }[b];
      return young(band ?? `(c.birth_date IS NULL OR ${AGE} < 15 OR ${AGE} > 29)`);
    }
    case 'young.gender':
      return young(`COALESCE(c.gender, 'not_stated') = $3`, [b]);
    case 'young.language':
      return young(
        b === 'other'
          ? `(c.language IS NULL OR c.language NOT IN ('fi', 'sv', 'en'))`
          : 'c.language = $3',
        b === 'other' ? [] : [b],
      );
    case 'consents.given':
    case 'consents.withdrawn':
      return one(
        `SELECT count(*) AS n FROM consent_status_history x JOIN consents k ON k.id = x.consent_id
                   LEFT JOIN ${HOME} h ON h.client_id = k.client_id
                  WHERE x.to_status = $3 AND ${HM('x.at')} AND ${IN_SCOPE('h.site_id')}`,
        [a],
      );
    case 'consents.active':
      return one(`SELECT count(*) AS n FROM consents k LEFT JOIN ${HOME} h ON h.client_id = k.client_id
                  WHERE ${IN_SCOPE('h.site_id')} AND ${LAST_DAY} BETWEEN k.valid_from AND k.valid_until
                    AND (SELECT x.to_status FROM consent_status_history x WHERE x.consent_id = k.id
                          AND x.at < ${END} ORDER BY x.at DESC LIMIT 1) = 'given'`);
    case 'plans.new':
    case 'plans.type':
      return one(
        `SELECT count(*) AS n FROM plan_versions pv JOIN plans p ON p.id = pv.plan_id
                   LEFT JOIN ${HOME} h ON h.client_id = p.client_id
                  WHERE pv.version = 1 AND ${HM('pv.saved_at')} AND ${IN_SCOPE('h.site_id')}
                    AND ($3::text IS NULL OR p.type = $3)`,
        [b ?? null],
      );
    case 'outcomes.total':
      return outcomes(Object.values(GROUPS).flat());
    case 'outcomes.group':
      return outcomes(GROUPS[b]);
    case 'outcomes.category':
      return outcomes([b]);
    case 'events.held':
    case 'events.participants':
    case 'events.meetings':
    case 'events.hired': {
      const what = {
        held: 'count(*) AS n FROM recruitment_events e',
        participants: `count(*) AS n FROM recruitment_events e JOIN event_registrations r ON r.event_id = e.id AND r.attendance IN ('arrived', 'late')`,
        meetings:
          'count(*) AS n FROM recruitment_events e JOIN event_meetings m ON m.event_id = e.id',
        hired: `count(DISTINCT r.id) AS n FROM recruitment_events e JOIN event_registrations r ON r.event_id = e.id
                JOIN event_follow_ups f ON f.registration_id = r.id AND f.hired
                 AND f.hired_on <= ((e.starts_at AT TIME ZONE 'Europe/Helsinki') + interval '3 months')::date`,
      }[a]!;
      return one(
        `SELECT ${what} WHERE ${HM('e.starts_at')} AND ${IN_SCOPE('e.site_id')} AND e.status <> 'cancelled'`,
      );
    }
    case 'yg.cohort':
      return cohort(false);
    case 'yg.offered':
      return cohort(true);
    case 'yg.share':
      return share(await cohort(true), await cohort(false));
    default:
      if (family === 'followups') {
        const months = Number(a);
        if (b === 'due') return followUps(months, false);
        if (b === 'holding') return followUps(months, true);
        return share(await followUps(months, true), await followUps(months, false));
      }
      throw new Error(`No independent count for ${key}`);
  }
}
