import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { EmbeddedDatabase } from './embedded-postgres';

/** Starts postgres-host.ts as a detached child and resolves once the database is up. */
export function startEmbeddedPostgresProcess(options: {
  dir: string;
  port: number;
  database: string;
}): Promise<EmbeddedDatabase> {
  const child = fork(
    join(__dirname, 'postgres-host.js'),
    [options.dir, String(options.port), options.database],
    {
      detached: true,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`The embedded PostgreSQL stopped during start-up (exit code ${code})`)),
    );
    child.once('message', (message: { ready?: boolean; url?: string }) => {
      if (!message.ready || !message.url)
        return reject(new Error('The embedded PostgreSQL did not start'));
      child.removeAllListeners('exit');
      resolve({
        url: message.url,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.send('stop');
          }),
      });
    });
  });
}
