// Runs the TypeORM migration CLI against the compiled data source (dist/db/data-source.js).
// Usage: npm run migration:generate -- db/migrations/AddSomething
import { spawnSync } from 'node:child_process';

const [command, ...rest] = process.argv.slice(2);
const args = ['typeorm', command, ...rest, '-d', 'dist/db/data-source.js'];
if (command === 'migration:generate') args.push('--pretty');
const result = spawnSync('npx', args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
