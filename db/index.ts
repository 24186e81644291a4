export * from './data-source-options';
export * from './migrate';
export * from './scratch-database';
export * from './seeds';
export * from './app-database.module';
export * from './report-vocabulary';
