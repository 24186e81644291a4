// Global teardown runs outside Jest's module registry, so the path aliases need registering.
import '../../scripts/register-paths';
import { dropScratchDatabase } from '../../db/scratch-database';

/** Drops this run's template database and stops the embedded PostgreSQL if one was started. */
export default async function globalTeardown(): Promise<void> {
  const base = process.env.TEST_DATABASE_URL;
  const template = process.env.TEST_TEMPLATE_DATABASE;
  if (base && template) await dropScratchDatabase(base, template);
  const embedded = (globalThis as { embeddedPostgres?: { stop(): Promise<void> } })
    .embeddedPostgres;
  await embedded?.stop();
}
