import { Inject, Injectable } from '@nestjs/common';
import { AuditSearch, AuditService, type AuditLegalBasis } from '@ohjaamo/audit';
import { ClientsService, type ClientView } from '@ohjaamo/clients';
import { type Actor, DomainError } from '@ohjaamo/platform';
import { DataSource } from 'typeorm';
import { actionKind, type ActionKind } from './access-actions';

/** How far back the report goes: Act 703/2023 gives the right to two years of the log. */
export const ACCESS_REPORT_YEARS = 2;

/** One access to the client's data, as the client is told about it. */
export interface AccessReportRow {
  occurredAt: Date;
  action: string;
  kind: ActionKind;
  /** Null: the system itself (retention, expiry of a consent). */
  staffName: string | null;
  organisationName: string | null;
  roles: string[];
  sections: string[];
  legalBasis: AuditLegalBasis | null;
  consentId: string | null;
  purpose: string | null;
}

export interface AccessReport {
  client: ClientView;
  from: Date;
  to: Date;
  rows: AccessReportRow[];
}

/**
 * "Who has seen my data, when and why": the client's rows of the audit log for the last
 * two years, with staff names and organisations (the law wants the person and the agency,
 * not an id). Pulled by advisers ('clients.rights'): they meet the young person and can
 * check who is asking, and the registry already shows them the client. The desk is left
 * out because the report names every agency working with the client (itself sensitive:
 * mental-health or child-welfare services); coordinators and admins see no individual
 * records. Pulling the report is itself an access and is logged before the rows are read,
 * so the report lists its own printing.
 */
@Injectable()
export class AccessReportService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(AuditSearch) private readonly auditSearch: AuditSearch,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async report(actor: Actor, clientId: string, format: 'json' | 'html'): Promise<AccessReport> {
    const client = await this.openFullEntry(actor, clientId);
    const to = new Date();
    const from = yearsBefore(to, ACCESS_REPORT_YEARS);
    await this.audit.record({
      action: 'client.access_report',
      outcome: 'success',
      actor: { userId: actor.userId, organisationId: actor.organisationId, roles: actor.roles },
      subjectType: 'client',
      subjectId: clientId,
      clientId,
      sections: ['access_log'],
      legalBasis: 'statutory',
      details: { format },
    });
    return { client, from, to, rows: await this.rows(clientId, from) };
  }

  /** The rows without a log entry of their own: the export logs itself as one access. */
  async rows(clientId: string, from: Date): Promise<AccessReportRow[]> {
    const entries = await this.auditSearch.accessReportForClient(clientId, from);
    const userIds = unique(entries.map((e) => e.actorUserId));
    const orgIds = unique(entries.map((e) => e.actorOrganisationId));
    const [users, orgs] = await Promise.all([
      this.names(
        `SELECT id, display_name AS name FROM staff_users WHERE id = ANY($1::uuid[])`,
        userIds,
      ),
      this.names(`SELECT id, name FROM organisations WHERE id = ANY($1::uuid[])`, orgIds),
    ]);
    return entries.map((e) => ({
      occurredAt: e.occurredAt,
      action: e.action,
      kind: actionKind(e.action),
      staffName: e.actorUserId ? (users.get(e.actorUserId) ?? null) : null,
      organisationName: e.actorOrganisationId ? (orgs.get(e.actorOrganisationId) ?? null) : null,
      roles: e.actorRoles,
      sections: e.sections,
      legalBasis: e.legalBasis,
      consentId: e.consentId,
      purpose: e.purpose,
    }));
  }

  /**
   * The client's registry entry as the actor sees it (404 and audited when not at all);
   * the client's rights need the full entry, which only advisers see.
   */
  async openFullEntry(actor: Actor, clientId: string): Promise<ClientView> {
    const client = await this.clients.get(actor, clientId);
    if (!client.details) throw DomainError.notFound('client_not_found');
    return client;
  }

  private async names(sql: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.query<{ id: string; name: string }[]>(sql, [ids]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

function unique(ids: (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

/** The same instant `years` calendar years earlier (29 February falls back to 1 March). */
export function yearsBefore(date: Date, years: number): Date {
  const earlier = new Date(date.getTime());
  earlier.setUTCFullYear(earlier.getUTCFullYear() - years);
  return earlier;
}
