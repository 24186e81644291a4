import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type FieldError } from '@ohjaamo/platform';
import { DataSource } from 'typeorm';
import { AuditLogEntry, type AuditLegalBasis } from './audit-log-entry.entity';

export interface AuditSearchQuery {
  userId?: string;
  clientId?: string;
  action?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  limit: number;
  offset: number;
}

/** One line of a client's "who has seen my data" report. No ip, no request id. */
export interface ClientAccessReportRow {
  occurredAt: Date;
  action: string;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  actorRoles: string[];
  sections: string[];
  legalBasis: AuditLegalBasis | null;
  consentId: string | null;
  purpose: string | null;
}

export const AUDIT_SEARCH_MAX_LIMIT = 500;

/** Read side of the audit log: one method per query, all filtering done in SQL. */
@Injectable()
export class AuditSearch {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Newest first. Each filter uses one of the (column, occurred_at) indexes. */
  async search(query: AuditSearchQuery): Promise<AuditLogEntry[]> {
    validatePage(query);
    const qb = this.dataSource.getRepository(AuditLogEntry).createQueryBuilder('a');
    // Conditions are added only for the filters given: the strict where options throw
    // on undefined values instead of silently matching every row.
    if (query.userId !== undefined)
      qb.andWhere('a.actorUserId = :userId', { userId: query.userId });
    if (query.clientId !== undefined)
      qb.andWhere('a.clientId = :clientId', { clientId: query.clientId });
    if (query.action !== undefined) qb.andWhere('a.action = :action', { action: query.action });
    if (query.from !== undefined) qb.andWhere('a.occurredAt >= :from', { from: query.from });
    if (query.to !== undefined) qb.andWhere('a.occurredAt < :to', { to: query.to });
    return qb
      .orderBy('a.occurredAt', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(query.limit)
      .offset(query.offset)
      .getMany();
  }

  /**
   * Every successful read or write of the client's data since `since`, newest first.
   * Denied and failed attempts are left out: they showed the actor nothing.
   */
  async accessReportForClient(clientId: string, since: Date): Promise<ClientAccessReportRow[]> {
    const rows = await this.dataSource
      .getRepository(AuditLogEntry)
      .createQueryBuilder('a')
      .where('a.clientId = :clientId', { clientId })
      .andWhere('a.occurredAt >= :since', { since })
      .andWhere('a.outcome = :outcome', { outcome: 'success' })
      .orderBy('a.occurredAt', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .getMany();
    return rows.map((row) => ({
      occurredAt: row.occurredAt,
      action: row.action,
      actorUserId: row.actorUserId,
      actorOrganisationId: row.actorOrganisationId,
      actorRoles: row.actorRoles,
      sections: row.sections,
      legalBasis: row.legalBasis,
      consentId: row.consentId,
      purpose: row.purpose,
    }));
  }
}

function validatePage(query: AuditSearchQuery): void {
  const errors: FieldError[] = [];
  const limitError = intError(query.limit, 1, AUDIT_SEARCH_MAX_LIMIT);
  if (limitError) errors.push({ field: 'limit', ...limitError });
  const offsetError = intError(query.offset, 0, Number.MAX_SAFE_INTEGER);
  if (offsetError) errors.push({ field: 'offset', ...offsetError });
  if (query.from && query.to && query.from > query.to)
    errors.push({ field: 'to', code: 'default' });
  if (errors.length > 0) throw DomainError.validation(errors);
}

// Codes and params as the validation messages in the locale files expect them.
function intError(value: number, min: number, max: number): Omit<FieldError, 'field'> | undefined {
  if (!Number.isInteger(value)) return { code: 'isInt' };
  if (value < min) return { code: 'min', params: { min } };
  if (value > max) return { code: 'max', params: { max } };
  return undefined;
}
