import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { QueueBackend } from './queue-backend';

export const QUEUE_NAMES = Symbol('QUEUE_NAMES');

/** Producer side of every queue the app knows, keyed by name. */
export class Queues {
  constructor(private readonly byName: Map<string, Queue>) {}

  get(name: string): Queue {
    const queue = this.byName.get(name);
    if (!queue) throw new Error(`Unknown queue "${name}"`);
    return queue;
  }

  all(): Queue[] {
    return [...this.byName.values()];
  }

  async close(): Promise<void> {
    await Promise.all(this.all().map((queue) => queue.close()));
  }
}

@Global()
@Module({})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(Queues) private readonly queues: Queues) {}

  static forRoot(names: readonly string[]): DynamicModule {
    return {
      module: QueueModule,
      providers: [
        { provide: QUEUE_NAMES, useValue: names },
        {
          provide: QueueBackend,
          inject: [AppConfig],
          useFactory: (c: AppConfig) => new QueueBackend(c),
        },
        {
          provide: Queues,
          inject: [QueueBackend],
          useFactory: (backend: QueueBackend) =>
            new Queues(new Map(names.map((name) => [name, backend.createQueue(name)]))),
        },
      ],
      exports: [QueueBackend, Queues, QUEUE_NAMES],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queues.close();
  }
}
