import type { EntityManager } from 'typeorm';
import type { ConsentScope, LapsedConsentScope } from './access-policy';

/**
 * The client's consents in force on `today` (Helsinki date): given, started, and not past
 * the end of their last day. Read fresh on every request, so a withdrawal applies at once.
 */
export async function activeConsentsOf(
  manager: EntityManager,
  clientId: string,
  today: string,
): Promise<ConsentScope[]> {
  const rows: ConsentScope[] = await manager.query(
    `SELECT id, organisation_ids AS "organisationIds", organisation_kinds AS "organisationKinds",
            sections
       FROM consents
      WHERE client_id = $1 AND status = 'given' AND valid_from <= $2::date AND valid_until >= $2::date
      ORDER BY created_at`,
    [clientId, today],
  );
  return rows;
}

/**
 * The client's consents that have ended by withdrawal or by running out (including given
 * ones past their last day that the nightly expiry has not marked yet), newest first. They
 * explain why a section is hidden; they never grant access.
 */
export async function lapsedConsentsOf(
  manager: EntityManager,
  clientId: string,
  today: string,
): Promise<LapsedConsentScope[]> {
  const rows: LapsedConsentScope[] = await manager.query(
    `SELECT id, organisation_ids AS "organisationIds", organisation_kinds AS "organisationKinds",
            sections, CASE WHEN status = 'withdrawn' THEN 'withdrawn' ELSE 'expired' END AS ended
       FROM consents
      WHERE client_id = $1
        AND (status IN ('withdrawn', 'expired') OR (status = 'given' AND valid_until < $2::date))
      ORDER BY updated_at DESC, created_at DESC`,
    [clientId, today],
  );
  return rows;
}
