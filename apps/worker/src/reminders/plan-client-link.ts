import type { EntityManager } from 'typeorm';

/** The record page of a plan's client, where the shared plan is. */
export async function planClientLink(
  manager: EntityManager,
  planId: string,
): Promise<string | null> {
  const [row] = await manager.query<{ client_id: string }[]>(
    `SELECT client_id FROM plans WHERE id = $1`,
    [planId],
  );
  return row ? `/clients/${row.client_id}` : null;
}
