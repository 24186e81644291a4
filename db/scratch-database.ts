import { Client } from 'pg';
import { assertTestDatabase } from '@ohjaamo/platform';

/**
 * Creates a fresh, empty database next to the one in `baseUrl` and returns its URL.
 * Used by the drift check and the test harness; refuses names without "test".
 */
export async function createScratchDatabase(baseUrl: string, name: string): Promise<string> {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  assertTestDatabase(url.toString());
  await withAdmin(baseUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  return url.toString();
}

export async function dropScratchDatabase(baseUrl: string, name: string): Promise<void> {
  assertTestDatabase(new URL(`/${name}`, baseUrl).toString());
  await withAdmin(baseUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  );
}

async function withAdmin<T>(baseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
