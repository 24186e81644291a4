import type { EntityManager } from 'typeorm';

/** The record page of a consent's client, where the consent card is. */
export async function consentClientLink(
  manager: EntityManager,
  consentId: string,
): Promise<string | null> {
  const [row] = await manager.query<{ client_id: string }[]>(
    `SELECT client_id FROM consents WHERE id = $1`,
    [consentId],
  );
  return row ? `/clients/${row.client_id}` : null;
}
