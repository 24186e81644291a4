import { AuditService, type AuditDetails, type AuditLegalBasis } from '@ohjaamo/audit';
import type { Actor } from '@ohjaamo/platform';
import type { EntityManager } from 'typeorm';
import { ClientAccessPolicy } from './access/client-access.policy';
import { ClientsService } from './clients.service';

export interface ClientAccess {
  clientId: string;
  legalBasis: AuditLegalBasis;
  responsibleWorkerId: string | null;
}

/**
 * The way into one section of a client's record for the domain libraries (plans,
 * outcomes ...): the registry decides who may see the client (404 otherwise, audited
 * there), and every read or write of the section is audited here with the same legal
 * basis. Subclasses name their section.
 */
export abstract class ClientSectionGate {
  protected abstract readonly section: string;

  constructor(
    private readonly clients: ClientsService,
    private readonly policy: ClientAccessPolicy,
    private readonly audit: AuditService,
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
    section: string = this.section,
  ): Promise<void> {
    const access = {
      clientId,
      legalBasis: this.policy.legalBasis(actor, { createdByOrganisationId }),
      responsibleWorkerId: actor.userId,
    };
    await this.record(actor, access, action, details, manager, section);
  }

  async record(
    actor: Actor,
    access: ClientAccess,
    action: string,
    details: AuditDetails = {},
    manager?: EntityManager,
    section: string = this.section,
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
