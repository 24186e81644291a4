// The SQL that rebuilds one month of rollups. Parameters of every statement:
// $1 month's first day (date), $2 month start, $3 month end (exclusive instants, Helsinki
// month), $4 the month's last day (date).

/** Visits of the month that were not taken back. */
const MONTH_VISITS = visitsBetween('$2', '$3');

// A cancelled event was never held: it and its registrations stay out of the report.
const MONTH_EVENTS = `recruitment_events e WHERE e.starts_at >= $2 AND e.starts_at < $3 AND e.status <> 'cancelled'`;

function visitsBetween(from: string, to: string): string {
  return `visits v WHERE v.undone_at IS NULL AND v.started_at >= ${from} AND v.started_at < ${to}`;
}

/**
 * Home sites of all young people, from all their visits not taken back (so an undone
 * first visit moves the home site). Rows that did not change are not rewritten.
 */
export const REFRESH_HOME_SITES = `
  INSERT INTO report_client_sites (client_id, site_id, first_visit_at)
  SELECT DISTINCT ON (v.client_id) v.client_id, v.site_id, v.started_at
    FROM visits v
   WHERE v.undone_at IS NULL AND v.client_id IS NOT NULL
   ORDER BY v.client_id, v.started_at, v.id
  ON CONFLICT (client_id) DO UPDATE
     SET site_id = EXCLUDED.site_id, first_visit_at = EXCLUDED.first_visit_at
   WHERE report_client_sites.site_id <> EXCLUDED.site_id
      OR report_client_sites.first_visit_at <> EXCLUDED.first_visit_at`;

/** Young people whose every visit was taken back have no home site any more. */
export const DROP_STALE_HOME_SITES = `
  DELETE FROM report_client_sites s
   WHERE NOT EXISTS (SELECT 1 FROM visits v
                      WHERE v.client_id = s.client_id AND v.undone_at IS NULL)`;

const AGE_BAND = `CASE
    WHEN c.birth_date IS NULL THEN 'other'
    WHEN date_part('year', age($4::date, c.birth_date)) BETWEEN 15 AND 17 THEN '15_17'
    WHEN date_part('year', age($4::date, c.birth_date)) BETWEEN 18 AND 24 THEN '18_24'
    WHEN date_part('year', age($4::date, c.birth_date)) BETWEEN 25 AND 29 THEN '25_29'
    ELSE 'other' END`;

const LANGUAGE = `CASE WHEN c.language IN ('fi', 'sv', 'en') THEN c.language ELSE 'other' END`;

/** One row per young person and site visited in the month (parameters as the cells). */
export const INSERT_CLIENT_MONTHS = `
  INSERT INTO report_client_months (month, site_id, client_id, age_band, gender, language)
  SELECT DISTINCT $1::date, v.site_id, v.client_id,
         ${AGE_BAND}, COALESCE(c.gender, 'not_stated'), ${LANGUAGE}
    FROM ${MONTH_VISITS.replace('visits v', 'visits v JOIN clients c ON c.id = v.client_id')}`;

/** The site a client event is reported under: the home site, null when never visited. */
const HOME = `LEFT JOIN report_client_sites hs ON hs.client_id = c.id`;

/** Every additive cell of the month, as (site_id, metric, dimension, value) rows. */
export const INSERT_CELLS = `
  INSERT INTO report_cells (month, site_id, metric, dimension, value)
  SELECT $1::date, site_id, metric, dimension, value FROM (
    SELECT v.site_id, 'visits.total' AS metric, '' AS dimension, count(*) AS value
      FROM ${MONTH_VISITS} GROUP BY v.site_id
    UNION ALL
    SELECT v.site_id, 'visits.channel', v.channel, count(*)
      FROM ${MONTH_VISITS} GROUP BY v.site_id, v.channel
    UNION ALL
    SELECT v.site_id, 'visits.first', CASE WHEN v.first_visit THEN 'first' ELSE 'returning' END, count(*)
      FROM ${MONTH_VISITS} GROUP BY 1, 3
    UNION ALL
    SELECT v.site_id, 'visits.identity', CASE WHEN v.client_id IS NULL THEN 'anonymous' ELSE 'identified' END, count(*)
      FROM ${MONTH_VISITS} GROUP BY 1, 3
    UNION ALL
    SELECT v.site_id, 'visits.agency', a.id::text, count(*)
      FROM ${MONTH_VISITS.replace('visits v', 'visits v CROSS JOIN LATERAL unnest(v.agency_ids) AS a(id)')}
     GROUP BY 1, 3
    UNION ALL
    SELECT v.site_id, 'visits.topic', t.code, count(*)
      FROM ${MONTH_VISITS.replace('visits v', 'visits v CROSS JOIN LATERAL unnest(v.topics) AS t(code)')}
     GROUP BY 1, 3
    UNION ALL
    SELECT v.site_id, 'visits.referral', v.referral_organisation_id::text, count(*)
      FROM ${MONTH_VISITS} AND v.referral_organisation_id IS NOT NULL GROUP BY 1, 3
    UNION ALL
    -- Desk waiting time as a histogram of whole minutes (capped at a day), by Helsinki
    -- queue day; percentiles are computed from the merged histograms.
    SELECT q.site_id, 'wait.minute', LEAST(q.wait_seconds / 60, 1440)::text, count(*)
      FROM desk_queue_entries q
     WHERE q.wait_seconds IS NOT NULL AND q.queue_day BETWEEN $1::date AND $4::date
     GROUP BY 1, 3
    UNION ALL
    SELECT hs.site_id, 'clients.new', '', count(*)
      FROM clients c ${HOME} WHERE c.created_at >= $2 AND c.created_at < $3 GROUP BY 1
    UNION ALL
    SELECT hs.site_id, 'clients.active', '', count(*)
      FROM clients c ${HOME}
     WHERE c.created_at < $3 AND (c.status = 'active' OR c.ended_at >= $3) GROUP BY 1
    UNION ALL
    SELECT hs.site_id, 'clients.ended', COALESCE(c.end_reason, 'other'), count(*)
      FROM clients c ${HOME} WHERE c.ended_at >= $2 AND c.ended_at < $3 GROUP BY 1, 3
    UNION ALL
    SELECT hs.site_id, 'consents.' || h.to_status, '', count(*)
      FROM consent_status_history h JOIN consents k ON k.id = h.consent_id
      JOIN clients c ON c.id = k.client_id ${HOME}
     WHERE h.to_status IN ('given', 'withdrawn') AND h.at >= $2 AND h.at < $3 GROUP BY 1, 2
    UNION ALL
    -- In force at the month's end: its latest status change before then was "given",
    -- and its period covers the last day.
    SELECT hs.site_id, 'consents.active', '', count(*)
      FROM consents k JOIN clients c ON c.id = k.client_id ${HOME}
     WHERE k.valid_from <= $4::date AND k.valid_until >= $4::date
       AND (SELECT h.to_status FROM consent_status_history h
             WHERE h.consent_id = k.id AND h.at < $3 ORDER BY h.at DESC LIMIT 1) = 'given'
     GROUP BY 1
    UNION ALL
    SELECT hs.site_id, 'plans.new', p.type, count(*)
      FROM plan_versions pv JOIN plans p ON p.id = pv.plan_id
      JOIN clients c ON c.id = p.client_id ${HOME}
     WHERE pv.version = 1 AND pv.saved_at >= $2 AND pv.saved_at < $3 GROUP BY 1, 3
    UNION ALL
    SELECT hs.site_id, 'outcomes.started', o.category, count(*)
      FROM outcomes o JOIN clients c ON c.id = o.client_id ${HOME}
     WHERE o.start_date BETWEEN $1::date AND $4::date GROUP BY 1, 3
    UNION ALL
    SELECT hs.site_id, 'followups.due', f.months::text, count(*)
      FROM follow_ups f JOIN clients c ON c.id = f.client_id ${HOME}
     WHERE f.due_on BETWEEN $1::date AND $4::date GROUP BY 1, 3
    UNION ALL
    SELECT hs.site_id, 'followups.holding', f.months::text, count(*)
      FROM follow_ups f JOIN clients c ON c.id = f.client_id ${HOME}
     WHERE f.due_on BETWEEN $1::date AND $4::date AND f.still_holds GROUP BY 1, 3
    UNION ALL
    -- Recruitment events by the site and Helsinki month they start in.
    SELECT e.site_id, 'events.held', '', count(*)
      FROM ${MONTH_EVENTS} GROUP BY 1
    UNION ALL
    SELECT e.site_id, 'events.participants', '', count(*)
      FROM ${MONTH_EVENTS.replace('recruitment_events e', 'recruitment_events e JOIN event_registrations r ON r.event_id = e.id')}
       AND r.attendance IN ('arrived', 'late') GROUP BY 1
    UNION ALL
    SELECT e.site_id, 'events.meetings', '', count(*)
      FROM ${MONTH_EVENTS.replace('recruitment_events e', 'recruitment_events e JOIN event_meetings m ON m.event_id = e.id')}
     GROUP BY 1
    UNION ALL
    -- Participants hired by an employer of the event within three months of it.
    SELECT e.site_id, 'events.hired', '', count(DISTINCT r.id)
      FROM ${MONTH_EVENTS.replace('recruitment_events e', 'recruitment_events e JOIN event_registrations r ON r.event_id = e.id JOIN event_follow_ups f ON f.registration_id = r.id')}
       AND f.hired AND f.hired_on <= ((e.starts_at AT TIME ZONE 'Europe/Helsinki') + interval '3 months')::date
     GROUP BY 1
  ) cells`;

/**
 * Youth Guarantee: the young people whose first visit was three months before this month
 * (their three-month window closes in this month), and how many of them got an offer (an
 * outcome of the work, education or services groups, or a visit with a service given)
 * within three months of the first visit. Reported under the month the window closes.
 * Parameters: $1 month's first day, $2 and $3 the cohort month's start and end, $4 the
 * outcome categories that count as an offer.
 */
export const INSERT_YOUTH_GUARANTEE = `
  WITH cohort_candidates AS (
    SELECT DISTINCT v.client_id FROM visits v
     WHERE v.undone_at IS NULL AND v.client_id IS NOT NULL
       AND v.started_at >= $2 AND v.started_at < $3
  ), firsts AS (
    SELECT DISTINCT ON (v.client_id) v.client_id, v.site_id, v.started_at
      FROM visits v JOIN cohort_candidates cc ON cc.client_id = v.client_id
     WHERE v.undone_at IS NULL
     ORDER BY v.client_id, v.started_at, v.id
  ), cohort AS (
    SELECT f.*, EXISTS (
             SELECT 1 FROM outcomes o
              WHERE o.client_id = f.client_id AND o.category = ANY($4::text[])
                AND o.start_date >= (f.started_at AT TIME ZONE 'Europe/Helsinki')::date
                AND o.start_date <= ((f.started_at AT TIME ZONE 'Europe/Helsinki') + interval '3 months')::date
           ) OR EXISTS (
             SELECT 1 FROM visits s
              WHERE s.client_id = f.client_id AND s.undone_at IS NULL
                AND cardinality(s.services_given) > 0
                AND s.started_at >= f.started_at AND s.started_at <= f.started_at + interval '3 months'
           ) AS offered
      FROM firsts f WHERE f.started_at >= $2
  )
  INSERT INTO report_cells (month, site_id, metric, dimension, value)
  SELECT $1::date, site_id, 'yg.cohort', '', count(*) FROM cohort GROUP BY site_id
  UNION ALL
  SELECT $1::date, site_id, 'yg.offered', '', count(*) FROM cohort WHERE offered GROUP BY site_id`;
