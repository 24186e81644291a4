import { Module } from '@nestjs/common';
import { AuditModule } from '@ohjaamo/audit';
import { IdentityModule } from '@ohjaamo/identity';
import { ClientAccessPolicy } from './access/client-access.policy';
import { ClientAnonymiser } from './anonymisation/client-anonymiser';
import { ClientAuditTrail } from './client-audit-trail';
import { ClientsRepository } from './clients.repository';
import { ClientsService } from './clients.service';
import { ResponsibleWorkerCheck } from './responsible-worker.check';
import { ClientDeskSearch } from './search/client-desk-search';

/**
 * The client registry. Needs the global DataSource and AppConfig; FieldEncryption and the
 * staff users come from IdentityModule.
 */
@Module({
  imports: [AuditModule, IdentityModule],
  providers: [
    ClientsService,
    ClientsRepository,
    ClientAccessPolicy,
    ClientAuditTrail,
    ResponsibleWorkerCheck,
    ClientDeskSearch,
    ClientAnonymiser,
  ],
  exports: [ClientsService, ClientAccessPolicy, ClientAnonymiser],
})
export class ClientsModule {}
