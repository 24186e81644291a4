import 'reflect-metadata';

import { DEMO_LOGINS, loadDemoData, runMigrations } from '@ohjaamo/db';
import { ConfigError, loadConfig } from '@ohjaamo/platform';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { startChild, stopChild, waitForHttp } from './child-process';
import type { EmbeddedDatabase } from './embedded-postgres';
import { localDefaults } from './local-settings';
import { startEmbeddedPostgresProcess } from './postgres-process';

/**
 * The zero-config start command. Without DATABASE_URL it runs an embedded PostgreSQL;
 * without REDIS_URL the queues run on PostgreSQL. It applies migrations, loads the demo
 * data on first start, then runs the api and the worker as child processes until Ctrl-C.
 */
async function main(): Promise<void> {
  const defaults = localDefaults(process.env, '.data/local-secrets.json');
  Object.assign(process.env, defaults.env);
  const config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    say(`Starting the embedded PostgreSQL in ${config.EMBEDDED_PG_DIR} ...`);
    embedded = await startEmbeddedPostgresProcess({
      dir: config.EMBEDDED_PG_DIR,
      port: config.EMBEDDED_PG_PORT,
      database: 'ohjaamo',
    });
    databaseUrl = embedded.url;
  }

  const children: ChildProcess[] = [];
  let stopping = false;
  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say('Stopping ...');
    await Promise.all(children.map((child) => stopChild(child)));
    await embedded?.stop();
    say('Stopped.');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    const applied = await runMigrations(databaseUrl);
    if (applied.length) say(`Applied ${applied.length} migration(s).`);
    if (config.DEMO_DATA) {
      const loaded = await loadDemoData(databaseUrl);
      if (loaded) say('Loaded the demo data set.');
    }
  } catch (error) {
    console.error(error);
    await stop(1);
    return;
  }

  const env = { ...process.env, DATABASE_URL: databaseUrl };
  const dist = join(__dirname, '..', '..');
  for (const app of ['api', 'worker']) {
    const child = startChild(join(dist, app, 'src', 'main.js'), env);
    child.once('exit', (code) => {
      if (!stopping) {
        console.error(`The ${app} stopped unexpectedly (exit code ${code}).`);
        void stop(1);
      }
    });
    children.push(child);
  }

  const url = config.PUBLIC_URL;
  if (await waitForHttp(`http://127.0.0.1:${config.PORT}/health/ready`, 60_000)) {
    say('');
    say(`Ohjaamo is running at ${url}`);
    say(
      `Queues: ${config.REDIS_URL ? 'Redis' : 'PostgreSQL'}; database: ${embedded ? 'embedded' : 'DATABASE_URL'}`,
    );
    if (config.DEMO_DATA) {
      say('Demo sign-ins (the same password for all):');
      for (const login of DEMO_LOGINS) say(`  ${login.role.padEnd(16)} ${login.email}`);
      say(`  password: ${DEMO_LOGINS[0].password}`);
    }
    for (const note of defaults.notes) say(note);
    say('Press Ctrl-C to stop.');
  } else {
    console.error('The api did not become ready within 60 s.');
    await stop(1);
  }
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
