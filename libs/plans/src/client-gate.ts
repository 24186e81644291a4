import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@ohjaamo/audit';
import { ClientAccessPolicy, ClientSectionGate, ClientsService } from '@ohjaamo/clients';

export type { ClientAccess } from '@ohjaamo/clients';

/** Plan data: read and written through the client registry, audited as the plan section. */
@Injectable()
export class PlanClientGate extends ClientSectionGate {
  protected readonly section = 'plan';

  constructor(
    @Inject(ClientsService) clients: ClientsService,
    @Inject(ClientAccessPolicy) policy: ClientAccessPolicy,
    @Inject(AuditService) audit: AuditService,
  ) {
    super(clients, policy, audit);
  }
}
