import { Inject, Injectable } from '@nestjs/common';
import { JOB_HANDLERS, JOB_NAMES, JobHandler } from '@ohjaamo/jobs';
import { Job, UnrecoverableError } from 'bullmq';

/** Maps job names to handlers; the worker's boot check lives here. */
@Injectable()
export class JobRegistry {
  private readonly byName = new Map<string, JobHandler>();

  constructor(@Inject(JOB_HANDLERS) handlers: JobHandler[]) {
    for (const handler of handlers) {
      if (this.byName.has(handler.jobName)) {
        throw new Error(`Two handlers for job "${handler.jobName}"`);
      }
      this.byName.set(handler.jobName, handler);
    }
  }

  /** Names that are enqueued somewhere but have no handler. Boot fails when not empty. */
  missingHandlers(declared: readonly string[] = JOB_NAMES): string[] {
    return declared.filter((name) => !this.byName.has(name));
  }

  async dispatch(job: Job): Promise<unknown> {
    const handler = this.byName.get(job.name);
    // Retrying cannot help a job nobody handles; fail it for an operator to see.
    if (!handler) throw new UnrecoverableError(`No handler for job "${job.name}"`);
    return handler.handle(job as Job<Record<string, string>>);
  }
}
