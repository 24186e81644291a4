/**
 * Every job name the product enqueues. The worker refuses to boot when one of these has
 * no handler, so a job can never sit in a queue that nobody processes.
 */
export const JOB_NAMES: readonly string[] = [];
