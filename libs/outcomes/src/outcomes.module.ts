import { Module } from '@nestjs/common';
import { AuditModule } from '@ohjaamo/audit';
import { ClientsModule } from '@ohjaamo/clients';
import { OutcomeClientGate } from './client-gate';
import { ConcernsService } from './concern/concerns.service';
import { FollowUpsService } from './follow-up/follow-ups.service';
import { OutcomesService } from './outcome/outcomes.service';

/** Outcomes with their follow-ups, and concerns, behind the registry's access decision. */
@Module({
  imports: [AuditModule, ClientsModule],
  providers: [OutcomesService, FollowUpsService, ConcernsService, OutcomeClientGate],
  exports: [OutcomesService, FollowUpsService, ConcernsService],
})
export class OutcomesModule {}
