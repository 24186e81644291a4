import type { JobsOptions } from 'bullmq';

/** How long a failed job stays for a retry from the queue dashboard. */
export const FAILED_JOBS_KEPT_SECONDS = 30 * 24 * 3600;

/** Options of every job the product adds, in one place. */
export const JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  // 5 s, 10 s, 20 s, 40 s; the jitter keeps retries of a burst from arriving together.
  backoff: { type: 'exponential', delay: 5_000, jitter: 0.5 },
  removeOnComplete: { count: 1_000, age: 7 * 24 * 3600 },
  // Failed jobs stay longer: an operator looks at them on the queue dashboard.
  removeOnFail: { count: 5_000, age: FAILED_JOBS_KEPT_SECONDS },
};
