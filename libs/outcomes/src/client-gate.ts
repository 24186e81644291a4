import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@ohjaamo/audit';
import { ClientAccessPolicy, ClientSectionGate, ClientsService } from '@ohjaamo/clients';

export type { ClientAccess } from '@ohjaamo/clients';

/**
 * Outcome data: read and written through the client registry, audited as the outcomes
 * section (concerns pass the plan section explicitly).
 */
@Injectable()
export class OutcomeClientGate extends ClientSectionGate {
  protected readonly section = 'outcomes';

  constructor(
    @Inject(ClientsService) clients: ClientsService,
    @Inject(ClientAccessPolicy) policy: ClientAccessPolicy,
    @Inject(AuditService) audit: AuditService,
  ) {
    super(clients, policy, audit);
  }
}
