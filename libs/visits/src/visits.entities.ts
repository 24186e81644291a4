import { DeskQueueEntry } from './desk/desk-queue-entry.entity';
import { VisitTopic } from './topics/visit-topic.entity';
import { Visit } from './visits/visit.entity';

export const VISIT_ENTITIES = [VisitTopic, Visit, DeskQueueEntry];
