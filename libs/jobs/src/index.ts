export * from './job-handler';
export * from './job-names';
export * from './queues';
