import { startEmbeddedPostgres } from './embedded-postgres';

/**
 * Runs the embedded PostgreSQL in its own process group, started by the launcher. A
 * Ctrl-C in the terminal reaches the whole foreground group; PostgreSQL would then cut
 * every connection while the api and the worker are still closing theirs. Here it is out
 * of that group and stops only when the launcher says so, or when the launcher is gone.
 */
async function main(): Promise<void> {
  const [dir, port, database] = process.argv.slice(2);
  process.on('SIGINT', () => undefined);
  const server = await startEmbeddedPostgres({ dir, port: Number(port), database });
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  process.on('message', (message) => {
    if (message === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.send?.({ ready: true, url: server.url });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
