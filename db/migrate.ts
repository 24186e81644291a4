import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Applies pending migrations; used by the start command and the test harness. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = await new DataSource(dataSourceOptions(url, 2)).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Differences between the entities and the migrated schema, as SQL TypeORM would run.
 * Empty when they agree.
 */
export async function schemaDrift(url: string): Promise<string[]> {
  const dataSource = await new DataSource(dataSourceOptions(url, 2)).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((q) => q.query);
  } finally {
    await dataSource.destroy();
  }
}
