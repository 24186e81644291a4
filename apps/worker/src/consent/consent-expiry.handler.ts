import type { AuditService } from '@ohjaamo/audit';
import { ConsentsService } from '@ohjaamo/consent';
import { type Clock, JobHandler, queueOf } from '@ohjaamo/jobs';
import { helsinkiDate } from '@ohjaamo/platform';
import type { DataSource } from 'typeorm';

/**
 * Nightly: given consents past their last day become `expired` (ConsentsService.expireDue,
 * with a history step and an audit row each). Access already ended at midnight by date;
 * this keeps the stored status truthful. Safe to run twice.
 */
export class ConsentExpiryHandler implements JobHandler<Record<string, string>> {
  readonly jobName = 'consent.expire';
  readonly queue = queueOf('consent.expire');
  private readonly consents: ConsentsService;

  constructor(
    dataSource: DataSource,
    audit: AuditService,
    private readonly clock: Clock,
  ) {
    this.consents = new ConsentsService(dataSource, audit);
  }

  async handle(): Promise<{ expired: number }> {
    return this.run();
  }

  async run(): Promise<{ expired: number }> {
    return { expired: await this.consents.expireDue(helsinkiDate(this.clock.now())) };
  }
}
