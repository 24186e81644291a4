import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@ohjaamo/audit';
import { ClientAnonymiser } from '@ohjaamo/clients';
import { type Actor, DomainError, type FieldError, helsinkiDate } from '@ohjaamo/platform';
import { DataSource } from 'typeorm';
import { AccessReportService } from './access-report.service';
import { blockingRules, type ErasureRule } from './erasure-rules';

/** Why the client asked to be erased (GDPR Art. 17(1)); logged with the erasure. */
export const ERASURE_REASONS = [
  'no_longer_needed',
  'consent_withdrawn',
  'objection',
  'unlawful_processing',
  'other_request',
] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

/** A case or registry number of the written request: letters, digits and / . - _ : only. */
export const REQUEST_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9/._: -]{0,39}$/;

export interface ErasureRequest {
  reason: string;
  requestReference?: string | null;
}

export interface ErasureResult {
  clientId: string;
  anonymisedAt: Date;
  reason: ErasureReason;
}

/**
 * Erasure on the client's request: refused, with the rule named, while a retention rule
 * (erasure-rules.ts) forbids it; otherwise the client is anonymised by the one anonymiser
 * retention uses, and the reason goes into the audit log in the same transaction.
 *
 * Only advisers of the organisation that registered the client may erase: it is the
 * controller of the registry entry, which every agency relies on. Other agencies may see
 * the client but get 403 and are told why.
 */
@Injectable()
export class ClientErasureService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AccessReportService) private readonly reports: AccessReportService,
    @Inject(ClientAnonymiser) private readonly anonymiser: ClientAnonymiser,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** The rules that would refuse erasure now (for the confirm page). */
  async check(actor: Actor, clientId: string): Promise<ErasureRule[]> {
    await this.requireEraser(actor, clientId);
    return blockingRules(this.dataSource.manager, clientId, helsinkiDate(new Date()));
  }

  async erase(actor: Actor, clientId: string, request: ErasureRequest): Promise<ErasureResult> {
    const reason = request.reason as ErasureReason;
    const reference = request.requestReference?.trim() || null;
    const errors = requestErrors(reason, reference);
    if (errors.length > 0) throw DomainError.validation(errors);
    await this.requireEraser(actor, clientId);
    const details = { reason, ...(reference ? { requestReference: reference } : {}) };

    let blocked: ErasureRule[] = [];
    const anonymisedAt = await this.dataSource.transaction(async (manager) => {
      // The row lock keeps a consent, plan or concern from being added between the check
      // and the anonymisation (they all take a share lock on the client's row).
      const [locked] = await manager.query<{ anonymised_at: Date | null }[]>(
        `SELECT anonymised_at FROM clients WHERE id = $1 FOR UPDATE`,
        [clientId],
      );
      if (locked.anonymised_at) throw DomainError.conflict('client_already_anonymised');
      blocked = await blockingRules(manager, clientId, helsinkiDate(new Date()));
      if (blocked.length > 0) return null;
      await this.anonymiser.anonymise(manager, clientId, {
        actor: { userId: actor.userId, organisationId: actor.organisationId, roles: actor.roles },
        legalBasis: 'statutory',
        purpose: 'erasure_request',
        details,
      });
      const [row] = await manager.query<{ anonymised_at: Date }[]>(
        `SELECT anonymised_at FROM clients WHERE id = $1`,
        [clientId],
      );
      return row.anonymised_at;
    });
    if (anonymisedAt) return { clientId, anonymisedAt, reason };

    // Refused: nothing changed; the refusal and its rules are logged on their own.
    await this.audit.record({
      action: 'client.erasure_refused',
      outcome: 'denied',
      actor: { userId: actor.userId, organisationId: actor.organisationId, roles: actor.roles },
      subjectType: 'client',
      subjectId: clientId,
      clientId,
      sections: ['basic'],
      legalBasis: 'own_record',
      purpose: 'erasure_request',
      details: { ...details, rules: blocked },
    });
    throw erasureBlocked(blocked);
  }

  private async requireEraser(actor: Actor, clientId: string): Promise<void> {
    const client = await this.reports.openFullEntry(actor, clientId);
    if (client.details!.createdByOrganisationId !== actor.organisationId) {
      throw new DomainError('forbidden', 'erasure_by_registering_organisation');
    }
  }
}

/** A 409 whose field errors name each rule, so API and page show them like field errors. */
export function erasureBlocked(rules: readonly ErasureRule[]): DomainError {
  return new DomainError(
    'conflict',
    'erasure_blocked',
    rules.map((rule) => ({
      field: 'rules',
      code: rule,
      messageKey: `clientRights.erasure.rules.${rule}`,
    })),
  );
}

function requestErrors(reason: string, reference: string | null): FieldError[] {
  const errors: FieldError[] = [];
  if (!(ERASURE_REASONS as readonly string[]).includes(reason)) {
    errors.push({
      field: 'reason',
      code: 'reasonRequired',
      messageKey: 'clientRights.erasure.fieldErrors.reasonRequired',
    });
  }
  if (reference !== null && !REQUEST_REFERENCE.test(reference)) {
    errors.push({
      field: 'requestReference',
      code: 'requestReference',
      messageKey: 'clientRights.erasure.fieldErrors.requestReference',
    });
  }
  return errors;
}
