import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

// Entry point of the TypeORM CLI (migration:generate / run / revert). Migrations run as
// the schema owner: MIGRATION_DATABASE_URL when set, else DATABASE_URL.
const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
if (!url) {
  throw new Error('DATABASE_URL: required for migrations (or set MIGRATION_DATABASE_URL)');
}

export default new DataSource(dataSourceOptions(url, 2));
