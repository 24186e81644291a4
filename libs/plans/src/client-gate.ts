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
 * The registry decides who may see a client (404 otherwise, audited there); plan data
 * is audited here under the plan section with the same legal basis.
 */
@Injectable()
export class PlanClientGate {
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

  async record(
    actor: Actor,
    access: ClientAccess,
    action: string,
    details: AuditDetails = {},
    manager?: EntityManager,
  ): Promise<void> {
    await this.audit.record(
      {
        action,
        outcome: 'success',
        actor: { userId: actor.userId, organisationId: actor.organisationId, roles: actor.roles },
        subjectType: 'client',
        subjectId: access.clientId,
        clientId: access.clientId,
        sections: ['plan'],
        legalBasis: access.legalBasis,
        details,
      },
      manager,
    );
  }
}
