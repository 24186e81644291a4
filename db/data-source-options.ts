import { STRICT_OPTIONS } from '@ohjaamo/platform';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** The one DataSource configuration, shared by the api, the worker, the CLI and tests. */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    extra: { max: poolSize, application_name: 'ohjaamo' },
    ...STRICT_OPTIONS,
  };
}
