import { Module } from '@nestjs/common';
import { AuditModule } from '@ohjaamo/audit';
import { ClientsModule } from '@ohjaamo/clients';
import { IdentityModule } from '@ohjaamo/identity';
import { DeskQueueEvents } from './desk/desk-queue-events';
import { DeskQueueRepository } from './desk/desk-queue.repository';
import { DeskQueueService } from './desk/desk-queue.service';
import { ReferenceRepository } from './shared/reference.repository';
import { TopicRepository } from './topics/topic.repository';
import { TopicsService } from './topics/topics.service';
import { VisitReferenceChecker } from './visits/visit-reference-checker';
import { VisitRepository } from './visits/visit.repository';
import { VisitViewer } from './visits/visit-viewer';
import { VisitsService } from './visits/visits.service';

const SERVICES = [TopicsService, VisitsService, DeskQueueService, DeskQueueEvents];

/**
 * Walk-in visits, their topic list and the desk queue. Needs the global DataSource; the
 * entities (VISIT_ENTITIES) must be listed in db/entities.ts.
 */
@Module({
  imports: [AuditModule, IdentityModule, ClientsModule],
  providers: [
    ...SERVICES,
    TopicRepository,
    VisitRepository,
    DeskQueueRepository,
    ReferenceRepository,
    VisitReferenceChecker,
    VisitViewer,
  ],
  exports: SERVICES,
})
export class VisitsModule {}
