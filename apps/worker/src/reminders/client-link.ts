import type { EntityManager } from 'typeorm';

/** Tables whose rows belong to one client and are shown on the client's record page. */
type ClientRecordTable = 'consents' | 'plans' | 'follow_ups';

/**
 * The record page of the client a consent, plan or follow-up belongs to (where its card
 * is), or null when the row is gone.
 */
export async function clientRecordLink(
  manager: EntityManager,
  table: ClientRecordTable,
  id: string,
): Promise<string | null> {
  const [row] = await manager.query<{ client_id: string }[]>(
    `SELECT client_id FROM ${table} WHERE id = $1`,
    [id],
  );
  return row ? `/clients/${row.client_id}` : null;
}
