import { QUEUES, type QueueName } from './queues';

/** Each job name and the queue it runs on. */
export const JOB_QUEUES = {
  /** Finds due reminders of one kind and writes one outbox row per reminder. */
  'reminder.scan': QUEUES.notifications,
  /** Delivers one reminder to one recipient on its channels. */
  'reminder.deliver': QUEUES.notifications,
  /** Sends one SMS to a young person, outside quiet hours. */
  'message.sms': QUEUES.notifications,
  /** Anonymises clients whose relationship ended long enough ago. */
  'retention.anonymise': QUEUES.maintenance,
  /** Marks given consents past their last day as expired. */
  'consent.expire': QUEUES.maintenance,
  /** Deletes relayed outbox rows and delivery-ledger rows no longer needed. */
  'outbox.prune': QUEUES.maintenance,
  /** Rebuilds the monthly report rollups of recent months, or of one month asked for. */
  'reports.rollup': QUEUES.maintenance,
  /** On the 1st: makes last month's report final and has the coordinators told. */
  'reports.monthly': QUEUES.maintenance,
} as const satisfies Record<string, QueueName>;

export type JobName = keyof typeof JOB_QUEUES;

/**
 * Every job name the product enqueues. The worker refuses to boot when one of these has
 * no handler, so a job can never sit in a queue that nobody processes.
 */
export const JOB_NAMES: readonly string[] = Object.keys(JOB_QUEUES);

export function queueOf(jobName: string): QueueName {
  const queue = (JOB_QUEUES as Record<string, QueueName>)[jobName];
  if (!queue) throw new Error(`Unknown job "${jobName}"`);
  return queue;
}
