import type { DataSource, EntityManager } from 'typeorm';
import type { DeliveryChannel } from './delivery.entity';

export interface DeliveryKeyParts {
  kind: string;
  subjectId: string;
  dueDate: string;
  recipientId: string;
  channel: DeliveryChannel;
}

export function deliveryKey(p: DeliveryKeyParts): string {
  return [p.kind, p.subjectId, p.dueDate, p.recipientId, p.channel].join('|');
}

/**
 * Delivers at most once per key. The ledger row and the send share a transaction: a failed
 * send rolls the row back for the retry, and a second run of the same job waits on the
 * unique key, then finds it taken and skips.
 */
export class DeliveryLedger {
  constructor(private readonly dataSource: DataSource) {}

  /** Returns whether this call delivered (false: delivered before). */
  async once(
    parts: DeliveryKeyParts,
    deliver: (manager: EntityManager) => Promise<void>,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const rows: unknown[] = await manager.query(
        `INSERT INTO deliveries (delivery_key, kind, channel, recipient_id)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (delivery_key) DO NOTHING
         RETURNING id`,
        [deliveryKey(parts), parts.kind, parts.channel, parts.recipientId],
      );
      if (rows.length === 0) return false;
      await deliver(manager);
      return true;
    });
  }
}
