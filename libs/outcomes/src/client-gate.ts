import { Inject, Injectable } from '@nestjs/common';
import { AuditService, type AuditDetails, type AuditLegalBasis } from '@ohjaamo/audit';
import { ClientAccessPolicy, ClientsService } from '@ohjaamo/clients';
import type { Actor } from '@ohjaamo/platform';
import type { EntityManager } from 'typeorm';

export interface ClientAccess {
  clientId: string;
  legalBasis: AuditLegalBasis;
  responsibleWorkerId: string | null;
}

/**
 * The registry decides who may see a client (404 otherwise, audited there); outcome data
 * is audited here under its section (outcomes, or plan for concerns) with the same legal basis.
 */
@Injectable()
export class OutcomeClientGate {
  constructor(
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(ClientAccessPolicy) private readonly policy: ClientAccessPolicy,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async open(actor: Actor, clientId: string): Promise<ClientAccess> {
    const view = await this.clients.get(actor, clientId);
    const owner = view.details?.createdByOrganisationId ?? '';
    return {
      clientId: view.id,
      legalBasis: this.policy.legalBasis(actor, { createdByOrganisationId: owner }),
      responsibleWorkerId: view.details?.responsibleWorkerId ?? null,
    };
  }

  /**
   * An audit row for a client the actor is the responsible worker of, without opening the
   * registry entry (task lists). The basis comes from the same policy as a read.
   */
  async recordFor(
    actor: Actor,
    clientId: string,
    createdByOrganisationId: string,
    action: string,
    details: AuditDetails,
    manager?: EntityManager,
  ): Promise<void> {
    const access = {
      clientId,
      legalBasis: this.policy.legalBasis(actor, { createdByOrganisationId }),
      responsibleWorkerId: actor.userId,
    };
    await this.record(actor, access, action, details, manager);
  }

  async record(
    actor: Actor,
    access: ClientAccess,
    action: string,
    details: AuditDetails = {},
    manager?: EntityManager,
    section: 'outcomes' | 'plan' = 'outcomes',
  ): Promise<void> {
    await this.audit.record(
      {
        action,
        outcome: 'success',
        actor: { userId: actor.userId, organisationId: actor.organisationId, roles: actor.roles },
        subjectType: 'client',
        subjectId: access.clientId,
        clientId: access.clientId,
        sections: [section],
        legalBasis: access.legalBasis,
        details,
      },
      manager,
    );
  }
}
