import 'reflect-metadata';
import { runMigrations } from './migrate';

// Used by the container image (docker-compose's "migrate" service): applies pending
// migrations as the schema owner, then exits.
const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL: required (or MIGRATION_DATABASE_URL)');
  process.exit(1);
}
runMigrations(url)
  .then((applied) =>
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.'),
  )
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
