// Copies the non-TypeScript files the apps read at run time (Handlebars views and
// templates, static assets) next to the compiled code in dist/.
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const ASSET = /\.(hbs|css|js|svg|png|ico|woff2|json)$/;
const SOURCES = ['apps', 'libs'];

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (
      ASSET.test(name) &&
      (path.includes('/views/') ||
        path.includes('/templates/') ||
        path.includes('/public/') ||
        path.includes('/locales/'))
    ) {
      cpSync(path, join(root, 'dist', relative(root, path)));
    }
  }
}

for (const source of SOURCES) {
  const dir = join(root, source);
  if (existsSync(dir)) walk(dir);
}
