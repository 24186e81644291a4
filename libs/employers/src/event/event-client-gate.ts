import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@ohjaamo/audit';
import { ClientAccessPolicy, ClientSectionGate, ClientsService } from '@ohjaamo/clients';
import type { Actor } from '@ohjaamo/platform';
import type { EntityManager } from 'typeorm';

/** A linked participant's name, shown only to whom the registry would show it. */
export interface ParticipantName {
  clientId: string;
  firstName: string;
  lastName: string;
}

/**
 * Event registrations of clients: a client is linked only when the registry shows them
 * to the user, and a linked client's name is shown only to users who may read the client
 * (the registry's access policy). Each showing is audited as a read of the basic section.
 */
@Injectable()
export class EventClientGate extends ClientSectionGate {
  protected readonly section = 'basic';

  constructor(
    @Inject(ClientsService) clients: ClientsService,
    @Inject(ClientAccessPolicy) private readonly accessPolicy: ClientAccessPolicy,
    @Inject(AuditService) audit: AuditService,
  ) {
    super(clients, accessPolicy, audit);
  }

  /** Names of the clients the actor may see, each read audited; others are left out. */
  async visibleNames(
    manager: EntityManager,
    actor: Actor,
    clientIds: readonly string[],
    action: string,
    eventId: string,
  ): Promise<Map<string, ParticipantName>> {
    const names = new Map<string, ParticipantName>();
    if (clientIds.length === 0) return names;
    const rows = await manager.query<
      { id: string; firstName: string; lastName: string; owner: string }[]
    >(
      `SELECT id, first_name AS "firstName", last_name AS "lastName",
              created_by_organisation_id AS owner
         FROM clients WHERE id = ANY($1::uuid[]) AND anonymised_at IS NULL`,
      [clientIds],
    );
    for (const row of rows) {
      const client = { createdByOrganisationId: row.owner };
      if (!this.accessPolicy.accessTo(actor, client)) continue;
      names.set(row.id, { clientId: row.id, firstName: row.firstName, lastName: row.lastName });
      await this.recordFor(actor, row.id, row.owner, action, { eventId }, manager);
    }
    return names;
  }
}
