import type { DynamicModule } from '@nestjs/common';
import { DatabaseModule, loadConfig } from '@ohjaamo/platform';
import { dataSourceOptions } from './data-source-options';

/** The database of a running app (api or worker): DATABASE_URL with the shared options. */
export function appDatabaseModule(role: 'api' | 'worker'): DynamicModule {
  return DatabaseModule.forRoot(() => {
    const config = loadConfig();
    if (!config.DATABASE_URL) throw new Error(`DATABASE_URL: required to run the ${role}`);
    return dataSourceOptions(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
  });
}
