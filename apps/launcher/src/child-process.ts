import { ChildProcess, fork } from 'node:child_process';

/** Runs one of the apps (api, worker) as a child process with the given environment. */
export function startChild(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  return fork(script, [], { env, stdio: 'inherit' });
}

/** Asks a child to stop (SIGTERM: graceful shutdown) and waits, killing it after a grace period. */
export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Polls a URL until it answers 200 or the time runs out. */
export async function waitForHttp(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}
