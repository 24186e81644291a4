import { Module } from '@nestjs/common';
import { AuditModule } from '@ohjaamo/audit';
import { ClientsModule } from '@ohjaamo/clients';
import { PlanClientGate } from './client-gate';
import { PlansRepository } from './plan/plans.repository';
import { PlansService } from './plan/plans.service';
import { SelfAssessmentsService } from './self-assessment/self-assessments.service';
import { PlanTasksService } from './tasks/plan-tasks.service';

/** Shared plans and self-assessments, behind the client registry's access decision. */
@Module({
  imports: [AuditModule, ClientsModule],
  providers: [
    PlansService,
    PlansRepository,
    SelfAssessmentsService,
    PlanTasksService,
    PlanClientGate,
  ],
  exports: [PlansService, SelfAssessmentsService, PlanTasksService],
})
export class PlansModule {}
