import {
  type Clock,
  DELIVERY_CHANNELS,
  type DeliveryChannel,
  JobHandler,
  FAILED_JOBS_KEPT_SECONDS,
  queueOf,
} from '@ohjaamo/jobs';
import type { DataSource } from 'typeorm';
import type { ReminderCatalogue } from '../reminders/reminder-catalogue';

const BATCH = 500;
const DAY_S = 24 * 3600;

export interface PruneSettings {
  outboxRetentionDays: number;
  deliveryRetentionDays: number;
}

export interface PruneResult {
  outbox: number;
  deliveries: number;
  /** Old ledger rows kept because a scan could still find their reminder. */
  keptStillDue: number;
}

interface LedgerRow {
  id: string;
  delivery_key: string;
  delivered_at: Date;
}

/**
 * Nightly housekeeping of the two tables that make delivery exactly-once.
 *
 * - Outbox rows relayed more than OUTBOX_RETENTION_DAYS ago. Rows not yet relayed (waiting
 *   for the queue or for the end of quiet hours) are never touched. Deleting a relayed row
 *   frees its dedupe key, so a scan may enqueue the same reminder again; its job then finds
 *   the delivery-ledger key and sends nothing.
 * - Delivery-ledger rows older than DELIVERY_RETENTION_DAYS, but never before a job could
 *   still run again (the outbox retention plus the time failed jobs are kept for a retry
 *   from the dashboard), and never while the reminder's own finder would still find it
 *   (findDueFor): a client silent for two years is still the same "no contact" reminder,
 *   and deleting its key would send it again. That holds for every recipient type (staff,
 *   young people, an employer's contact person), and the definition's own finder answers
 *   it, so this job knows nothing of who a kind's recipients are.
 */
export class OutboxPruneHandler implements JobHandler<Record<string, string>> {
  readonly jobName = 'outbox.prune';
  readonly queue = queueOf('outbox.prune');

  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: ReminderCatalogue,
    private readonly settings: PruneSettings,
    private readonly clock: Clock,
  ) {}

  async handle(): Promise<PruneResult> {
    return this.run();
  }

  async run(): Promise<PruneResult> {
    const outbox = await this.pruneOutbox();
    const { deleted, kept } = await this.pruneLedger();
    return { outbox, deliveries: deleted, keptStillDue: kept };
  }

  /** The ledger keeps a key at least this long, whatever the setting says. */
  ledgerRetentionDays(): number {
    const failedKeptDays = Math.ceil(FAILED_JOBS_KEPT_SECONDS / DAY_S);
    return Math.max(
      this.settings.deliveryRetentionDays,
      this.settings.outboxRetentionDays + failedKeptDays,
    );
  }

  private async pruneOutbox(): Promise<number> {
    let total = 0;
    for (;;) {
      const [, deleted] = await this.dataSource.query<[unknown, number]>(
        `DELETE FROM outbox WHERE id IN (
           SELECT id FROM outbox
            WHERE relayed_at IS NOT NULL
              AND relayed_at < $1::timestamptz - make_interval(days => $2)
            LIMIT $3)`,
        [this.clock.now(), this.settings.outboxRetentionDays, BATCH],
      );
      total += deleted;
      if (deleted < BATCH) return total;
    }
  }

  private async pruneLedger(): Promise<{ deleted: number; kept: number }> {
    let deleted = 0;
    let kept = 0;
    let after: { at: Date; id: string } | null = null;
    for (;;) {
      const rows: LedgerRow[] = await this.dataSource.query(
        `SELECT id, delivery_key, delivered_at FROM deliveries
          WHERE delivered_at < $1::timestamptz - make_interval(days => $2)
            AND ($3::timestamptz IS NULL OR (delivered_at, id) > ($3::timestamptz, $4::uuid))
          ORDER BY delivered_at, id
          LIMIT $5`,
        [this.clock.now(), this.ledgerRetentionDays(), after?.at ?? null, after?.id ?? null, BATCH],
      );
      const removable: string[] = [];
      for (const row of rows) {
        if (await this.stillNeeded(row.delivery_key)) kept++;
        else removable.push(row.id);
      }
      if (removable.length > 0) {
        await this.dataSource.query(`DELETE FROM deliveries WHERE id = ANY($1::uuid[])`, [
          removable,
        ]);
        deleted += removable.length;
      }
      if (rows.length < BATCH) return { deleted, kept };
      const last = rows[rows.length - 1];
      after = { at: last.delivered_at, id: last.id };
    }
  }

  /** Whether a scan could still produce this key: then deleting it would send again. */
  private async stillNeeded(key: string): Promise<boolean> {
    const [kind, subjectId, dueDate, recipientId, channel] = key.split('|');
    const definition = this.catalogue.all().find((d) => d.kind === kind);
    // Kinds without a finder (single messages) are enqueued once, under an outbox key.
    if (!definition || !DELIVERY_CHANNELS.includes(channel as DeliveryChannel)) return false;
    const current = await definition.findDueFor(
      this.dataSource.manager,
      subjectId,
      this.clock.now(),
    );
    // The key does not say the recipient's type, and need not: a recipient id is the id
    // of one staff user, client or contact, so id and due date single the reminder out.
    return current.some((due) => due.recipientId === recipientId && due.dueDate === dueDate);
  }
}
