import type { DataSourceOptions } from 'typeorm';

/**
 * Options every DataSource of the product shares, whatever the connection:
 * schema changes only through reviewed migrations, and a where clause with null or
 * undefined throws instead of silently matching every row.
 */
export const STRICT_OPTIONS = {
  synchronize: false,
  migrationsRun: false,
  invalidWhereValuesBehavior: { null: 'throw', undefined: 'throw' },
} as const satisfies Partial<DataSourceOptions>;
