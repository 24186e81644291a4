import type { EntityManager } from 'typeorm';
import { queueOf } from '../job-names';

/** Channel the relay LISTENs on; a NOTIFY wakes it when a transaction commits a row. */
export const OUTBOX_CHANNEL = 'outbox';

export interface EnqueueOptions {
  /** Same key, same job: a second enqueue is ignored. Ids and dates only. */
  dedupeKey: string;
  /** Not before this instant (e.g. the end of quiet hours). Default: now. */
  availableAt?: Date;
}

const ID_ONLY = /^[A-Za-z0-9_.:|-]{1,100}$/;

/** Writes jobs into the outbox inside the caller's transaction. */
export const Outbox = {
  /** Returns the outbox row id, or null when the dedupe key was already taken. */
  async enqueue(
    manager: EntityManager,
    jobName: string,
    payload: Record<string, string>,
    options: EnqueueOptions,
  ): Promise<string | null> {
    queueOf(jobName);
    // Payloads carry ids, kinds and dates; anything longer or spaced is refused early.
    for (const [key, value] of Object.entries(payload)) {
      if (typeof value !== 'string' || !ID_ONLY.test(value)) {
        throw new Error(`Outbox payload field "${key}" must be an id`);
      }
    }
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO outbox (job_name, payload, dedupe_key, available_at)
       VALUES ($1, $2, $3, COALESCE($4::timestamptz, now()))
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [jobName, JSON.stringify(payload), options.dedupeKey, options.availableAt ?? null],
    );
    if (rows.length === 0) return null;
    await manager.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
    return rows[0].id;
  },
};
