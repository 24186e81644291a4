import type { EntityManager } from 'typeorm';

/**
 * Retention rules that forbid erasing a client on request, in the order the client is
 * told about them. Each is a reason to keep the data that outweighs the request
 * (GDPR Art. 17(3)), and each can end, after which the request can be made again:
 *
 * - `consent_in_force`: a given consent is in force. Withdrawal has its own step and its
 *   own place in the consent's history (DOMAIN §5: demonstrate every status change), so
 *   erasure never ends a consent silently: withdraw it first.
 * - `plan_period_open`: the shared plan's period runs (no review date, or one not yet
 *   passed). The joint plan rests on law (Act 381/2023) and other agencies act on it;
 *   end or review it first.
 * - `health_social_records`: the record holds health and social entries. Social and
 *   health client documents have statutory retention periods (Act 703/2023 and the
 *   retention decree) that a request cannot shorten; retention anonymises them later.
 * - `open_concern`: a concern awaits its reaction (the 3-day rule). Somebody has been
 *   worried about the young person; that is resolved before anything is erased.
 */
export const ERASURE_RULES = [
  'consent_in_force',
  'plan_period_open',
  'health_social_records',
  'open_concern',
] as const;
export type ErasureRule = (typeof ERASURE_RULES)[number];

/** The rules that block erasing the client today ("YYYY-MM-DD", Helsinki). */
export async function blockingRules(
  manager: EntityManager,
  clientId: string,
  today: string,
): Promise<ErasureRule[]> {
  const [row] = await manager.query<Record<ErasureRule, boolean>[]>(
    `SELECT
       EXISTS (SELECT 1 FROM consents WHERE client_id = $1 AND status = 'given'
                 AND valid_until >= $2::date) AS consent_in_force,
       EXISTS (SELECT 1 FROM plans WHERE client_id = $1
                 AND (review_date IS NULL OR review_date >= $2::date)) AS plan_period_open,
       EXISTS (SELECT 1 FROM client_record_entries WHERE client_id = $1
                 AND section = 'health_social'
                 AND superseded_at IS NULL AND deleted_at IS NULL) AS health_social_records,
       EXISTS (SELECT 1 FROM concerns WHERE client_id = $1
                 AND resolved_at IS NULL) AS open_concern`,
    [clientId, today],
  );
  return ERASURE_RULES.filter((rule) => row[rule]);
}
