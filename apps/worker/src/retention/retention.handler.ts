import type { AuditService } from '@ohjaamo/audit';
import { ClientAnonymiser } from '@ohjaamo/clients';
import { type Clock, JobHandler, queueOf } from '@ohjaamo/jobs';
import type { DataSource } from 'typeorm';

const BATCH = 100;

/**
 * Anonymises clients whose relationship ended more than RETENTION_YEARS ago. The client
 * row stays (visits keep pointing at it, so "returning visitor" statistics still count),
 * but names become a placeholder and identity, contact and address data are cleared.
 * Visits keep their statistics (age band, gender, language, municipality) and lose the
 * exact age and free-text notes. Each anonymisation writes an audit row in its own
 * transaction. The anonymisation itself is ClientAnonymiser's, shared with erasure on request.
 */
export class RetentionHandler implements JobHandler<Record<string, string>> {
  readonly jobName = 'retention.anonymise';
  readonly queue = queueOf('retention.anonymise');

  private readonly anonymiser: ClientAnonymiser;

  constructor(
    private readonly dataSource: DataSource,
    audit: AuditService,
    private readonly retentionYears: number,
    private readonly clock: Clock,
  ) {
    this.anonymiser = new ClientAnonymiser(audit);
  }

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
    return this.dataSource.transaction((manager) =>
      this.anonymiser.anonymise(manager, clientId, {
        actor: null,
        legalBasis: 'statutory',
        purpose: 'retention',
        details: { reason: 'retention' },
      }),
    );
  }
}
