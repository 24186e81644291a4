import type { AuditService } from '@ohjaamo/audit';
import { type Clock, JobHandler, queueOf } from '@ohjaamo/jobs';
import type { DataSource } from 'typeorm';

const BATCH = 100;

/**
 * Anonymises clients whose relationship ended more than RETENTION_YEARS ago. The client
 * row stays (visits keep pointing at it, so "returning visitor" statistics still count),
 * but names become a placeholder and identity, contact and address data are cleared.
 * Visits keep their statistics (age band, gender, language, municipality) and lose the
 * exact age and free-text notes. Each anonymisation writes an audit row in its own
 * transaction.
 */
export class RetentionHandler implements JobHandler<Record<string, string>> {
  readonly jobName = 'retention.anonymise';
  readonly queue = queueOf('retention.anonymise');

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly retentionYears: number,
    private readonly clock: Clock,
  ) {}

  async handle(): Promise<{ anonymised: number }> {
    return this.run();
  }

  async run(): Promise<{ anonymised: number }> {
    let anonymised = 0;
    for (;;) {
      const ids = (
        await this.dataSource.query<{ id: string }[]>(
          `SELECT id FROM clients
            WHERE status = 'ended' AND anonymised_at IS NULL
              AND ended_at < $1::timestamptz - make_interval(years => $2)
            ORDER BY ended_at LIMIT $3`,
          [this.clock.now(), this.retentionYears, BATCH],
        )
      ).map((row) => row.id);
      for (const id of ids) if (await this.anonymise(id)) anonymised++;
      if (ids.length < BATCH) return { anonymised };
    }
  }

  private anonymise(clientId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      // Re-checked under the row lock: a second run of the job finds nothing to do.
      const [, changed] = await manager.query<[unknown, number]>(
        `UPDATE clients SET
           first_name = '-', last_name = '-', first_name_key = '-', last_name_key = '-',
           identity_code_encrypted = NULL, identity_code_hash = NULL, birth_date = NULL,
           phone = NULL, phone_digits = NULL, email = NULL, preferred_contact = NULL,
           street_address = NULL, postal_code = NULL, post_office = NULL,
           anonymised_at = now(), updated_at = now(), version = version + 1
         WHERE id = $1 AND anonymised_at IS NULL`,
        [clientId],
      );
      if (changed === 0) return false;
      await manager.query(
        `UPDATE visits SET age = NULL, note = NULL, referral_note = NULL
          WHERE client_id = $1`,
        [clientId],
      );
      await this.audit.record(
        {
          action: 'client.anonymised',
          outcome: 'success',
          actor: null,
          subjectType: 'client',
          subjectId: clientId,
          clientId,
          legalBasis: 'statutory',
          purpose: 'retention',
          details: { reason: 'retention' },
        },
        manager,
      );
      return true;
    });
  }
}
