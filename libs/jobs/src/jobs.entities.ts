import { Delivery } from './deliveries/delivery.entity';
import { Notification } from './notifications/notification.entity';
import { OutboxEntry } from './outbox/outbox-entry.entity';

export const JOB_ENTITIES = [OutboxEntry, Delivery, Notification];
