import type { Job } from 'bullmq';

/**
 * A background job's handler. Handlers must be safe to run twice: they re-read the
 * record and return early when the work is already done. Payloads carry ids only.
 */
export interface JobHandler<Payload = Record<string, string>> {
  readonly jobName: string;
  readonly queue: string;
  handle(job: Job<Payload>): Promise<unknown>;
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
