import { assertTestDatabase } from '@ohjaamo/platform';
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';

/**
 * A fresh, migrated database for one test file, copied from the template that global
 * setup migrated. Copying is fast and lets test files run in parallel without sharing rows.
 */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = requireEnv('TEST_DATABASE_URL');
  const template = requireEnv('TEST_TEMPLATE_DATABASE');
  const name = `ohjaamo_e2e_test_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
  const url = new URL(base);
  url.pathname = `/${name}`;
  assertTestDatabase(url.toString());
  await admin(base, async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return;
      } catch (error) {
        // Another worker copying the template at the same moment: wait and retry.
        if (attempt > 20 || !String(error).includes('is being accessed')) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  return {
    url: url.toString(),
    drop: async () => {
      await admin(base, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** Connects straight to a test database (as its owner) for assertions and set-up. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  assertTestDatabase(url);
  return admin(url, work);
}

async function admin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through Jest's e2e project`);
  return value;
}
