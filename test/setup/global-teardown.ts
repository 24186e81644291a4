/** Stops the embedded PostgreSQL if global setup had to start one. */
export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { embeddedPostgres?: { stop(): Promise<void> } })
    .embeddedPostgres;
  await embedded?.stop();
}
