import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

// The zero-config start command, as a user runs it: no DATABASE_URL, no REDIS_URL.
// Needs the build (npm test runs it first).
const LAUNCHER = join(__dirname, '..', '..', 'dist', 'apps', 'launcher', 'src', 'main.js');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function start(env: NodeJS.ProcessEnv): {
  child: ChildProcess;
  output: () => string;
  ready: Promise<void>;
} {
  let output = '';
  const child = spawn(process.execPath, [LAUNCHER], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('Press Ctrl-C to stop.')) {
        clearInterval(timer);
        resolve();
      }
    }, 200);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`launcher exited with ${code}:\n${output}`));
    });
  });
  return { child, output: () => output, ready };
}

// Ctrl-C in a terminal signals the whole process group.
function ctrlC(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => resolve(code));
    process.kill(-child.pid!, 'SIGINT');
  });
}

describe('the start command without any servers configured', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ohjaamo-start-'));
  // As root, PostgreSQL runs as the "postgres" user, which must be able to enter the folder.
  chmodSync(dir, 0o755);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the product with demo data on an embedded PostgreSQL, stops on Ctrl-C, and keeps the data', async () => {
    expect(existsSync(LAUNCHER)).toBe(true);
    const [port, workerPort, pgPort] = [await freePort(), await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      EMBEDDED_PG_DIR: join(dir, 'postgres'),
      EMBEDDED_PG_PORT: String(pgPort),
      PORT: String(port),
      WORKER_HEALTH_PORT: String(workerPort),
      LOG_LEVEL: 'warn',
    };

    const first = start(env);
    await first.ready;
    expect(first.output()).toContain(`Ohjaamo is running at http://localhost:${port}`);
    expect(first.output()).toContain('admin@demo.ohjaamo.fi');
    expect(first.output()).toContain('Queues: PostgreSQL; database: embedded');
    expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${workerPort}/health/ready`)).status).toBe(200);
    const signIn = await fetch(`http://127.0.0.1:${port}/sign-in`);
    expect(await signIn.text()).toContain('name="password"');

    // Something a user saved between runs.
    const db = new Client({
      connectionString: `postgres://postgres:postgres@127.0.0.1:${pgPort}/ohjaamo`,
    });
    await db.connect();
    const demoUsers = Number((await db.query('SELECT count(*) AS n FROM staff_users')).rows[0].n);
    expect(demoUsers).toBeGreaterThanOrEqual(5);
    await db.query(`UPDATE organisations SET name = 'Renamed between runs' WHERE kind = 'kela'`);
    await db.end();

    expect(await ctrlC(first.child)).toBe(0);
    expect(first.output()).toContain('Stopped.');
    expect(first.output()).not.toMatch(/Unhandled|terminating connection/);

    const second = start(env);
    await second.ready;
    expect(second.output()).not.toContain('Loaded the demo data set.');
    const again = new Client({
      connectionString: `postgres://postgres:postgres@127.0.0.1:${pgPort}/ohjaamo`,
    });
    await again.connect();
    expect(Number((await again.query('SELECT count(*) AS n FROM staff_users')).rows[0].n)).toBe(
      demoUsers,
    );
    expect(
      (await again.query(`SELECT name FROM organisations WHERE kind = 'kela'`)).rows[0].name,
    ).toBe('Renamed between runs');
    await again.end();
    expect(await ctrlC(second.child)).toBe(0);
  }, 120_000);

  it('refuses to start with a bad configuration value, naming the variable', async () => {
    const child = spawn(process.execPath, [LAUNCHER], {
      env: { PATH: process.env.PATH, PORT: 'eighty', EMBEDDED_PG_DIR: join(dir, 'unused') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain('Invalid configuration');
    expect(output).toMatch(/PORT: .*\(got "eighty"\)/);
    expect(existsSync(join(dir, 'unused'))).toBe(false);
  });
});
