/**
 * Queue names. Names carry no personal data and neither do job payloads: ids only.
 */
export const QUEUES = {
  /** Reminders and messages to staff and young people. */
  notifications: 'notifications',
  /** Housekeeping: retention, rollups, report generation. */
  maintenance: 'maintenance',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
export const QUEUE_NAMES: readonly QueueName[] = Object.values(QUEUES);
