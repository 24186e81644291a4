/**
 * The desk queue: arrived (registered at the desk) → waiting (for an agency) → with a
 * professional → done; or left unserved from arrived or waiting.
 */
export const QUEUE_STATUSES = [
  'arrived',
  'waiting',
  'with_professional',
  'done',
  'left_unserved',
] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export type QueueTransition = 'wait' | 'call' | 'finish' | 'leave';

/** From which statuses each transition may start. */
export const TRANSITION_FROM: Record<QueueTransition, readonly QueueStatus[]> = {
  wait: ['arrived'],
  call: ['arrived', 'waiting'],
  finish: ['with_professional'],
  leave: ['arrived', 'waiting'],
};

/** Statuses shown on the board: still in the building. */
export const OPEN_STATUSES: readonly QueueStatus[] = ['arrived', 'waiting', 'with_professional'];

/** The board's label: a ticket number per site and day, never anything about the person. */
export function queueLabel(queueNumber: number): string {
  return `A-${String(queueNumber).padStart(3, '0')}`;
}
