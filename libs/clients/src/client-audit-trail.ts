import { Inject, Injectable } from '@nestjs/common';
import {
  AuditService,
  type AuditDetails,
  type AuditLegalBasis,
  type AuditOutcome,
} from '@ohjaamo/audit';
import type { Actor } from '@ohjaamo/platform';
import type { EntityManager } from 'typeorm';
import type { RegistrySection } from './access/registry-sections';

export interface ClientAuditEntry {
  action: string;
  outcome?: AuditOutcome;
  clientId?: string;
  sections: RegistrySection[];
  legalBasis?: AuditLegalBasis | null;
  /** Field names, counts, reasons: never names, codes, phone numbers or addresses. */
  details?: AuditDetails;
}

/** Audit rows for client data, written as the given actor (requests and jobs alike). */
@Injectable()
export class ClientAuditTrail {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  async record(actor: Actor, entry: ClientAuditEntry, manager?: EntityManager): Promise<void> {
    await this.audit.record(
      {
        action: entry.action,
        outcome: entry.outcome ?? 'success',
        actor: { userId: actor.userId, organisationId: actor.organisationId, roles: actor.roles },
        ...(actor.purpose ? { purpose: actor.purpose } : {}),
        subjectType: entry.clientId ? 'client' : null,
        subjectId: entry.clientId ?? null,
        clientId: entry.clientId ?? null,
        sections: entry.sections,
        legalBasis: entry.legalBasis ?? null,
        details: entry.details ?? {},
      },
      manager,
    );
  }
}
