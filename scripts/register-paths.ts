import { register } from 'tsconfig-paths';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Resolves the @ohjaamo/* aliases from tsconfig.json for code that runs outside Jest's
// module registry (global setup), so the aliases stay defined in one place.
const root = join(__dirname, '..');
const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
register({ baseUrl: root, paths: tsconfig.compilerOptions.paths });
