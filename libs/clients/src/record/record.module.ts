import { Module } from '@nestjs/common';
import { AuditModule } from '@ohjaamo/audit';
import { ClientsModule } from '../clients.module';
import { RecordEntriesRepository } from './record-entries.repository';
import { RecordEntriesService } from './record-entries.service';

/** The shared client record's entries, behind the consent-based access policy. */
@Module({
  imports: [AuditModule, ClientsModule],
  providers: [RecordEntriesService, RecordEntriesRepository],
  exports: [RecordEntriesService],
})
export class RecordModule {}
