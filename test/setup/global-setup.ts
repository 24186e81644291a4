// Global setup runs outside Jest's module registry, so the path aliases need registering.
import '../../scripts/register-paths';
import { createScratchDatabase, runMigrations } from '@ohjaamo/db';
import { assertTestDatabase } from '@ohjaamo/platform';
import { startEmbeddedPostgres } from '../../apps/launcher/src/embedded-postgres';
import {
  DEFAULT_REDIS_URL,
  DEFAULT_TEST_DATABASE_URL,
  postgresReachable,
  redisReachable,
} from './infrastructure';

// One template per test run, so two runs on one machine never drop each other's.
const TEMPLATE_DATABASE = `ohjaamo_template_test_${process.pid}`;

/**
 * Runs once before the end-to-end tests. Uses real PostgreSQL and Redis when reachable,
 * else an embedded PostgreSQL and the PostgreSQL queue backend, and says which. Migrates a
 * template database that each test file then copies (fast, and isolates parallel files).
 */
export default async function globalSetup(): Promise<void> {
  let baseUrl = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
  let database = 'PostgreSQL server';
  if (!(await postgresReachable(baseUrl))) {
    const embedded = await startEmbeddedPostgres({
      dir: '.data/test-postgres',
      port: 54339,
      database: 'test',
    });
    (globalThis as { embeddedPostgres?: typeof embedded }).embeddedPostgres = embedded;
    baseUrl = embedded.url;
    database = 'embedded PostgreSQL';
  }
  assertTestDatabase(baseUrl);

  const redisUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL;
  const redis = await redisReachable(redisUrl);

  const templateUrl = await createScratchDatabase(baseUrl, TEMPLATE_DATABASE);
  await runMigrations(templateUrl);

  process.env.TEST_DATABASE_URL = baseUrl;
  process.env.TEST_TEMPLATE_DATABASE = TEMPLATE_DATABASE;
  process.env.REDIS_URL = redis ? redisUrl : '';
  process.stdout.write(
    `\nEnd-to-end tests use: ${database} (${new URL(baseUrl).host}), queues on ${
      redis ? `Redis (${new URL(redisUrl).host})` : 'PostgreSQL (no Redis reachable)'
    }\n`,
  );
}
