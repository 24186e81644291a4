import 'reflect-metadata';
import { createScratchDatabase, dropScratchDatabase } from './scratch-database';
import { schemaDrift } from './migrate';

// CI step: apply every migration to a fresh scratch database, then ask TypeORM what it
// would still change to match the entities. Anything at all means a migration is missing.
async function main(): Promise<void> {
  const base = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const name = `ohjaamo_drift_test_${process.pid}`;
  const url = await createScratchDatabase(base, name);
  try {
    const drift = await schemaDrift(url);
    if (drift.length > 0) {
      console.error('Entities and migrations disagree. A migration would need:');
      for (const query of drift) console.error(`  ${query};`);
      process.exitCode = 1;
      return;
    }
    console.log('Entities and migrations agree.');
  } finally {
    await dropScratchDatabase(base, name);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
