import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A composition root as `npm start` runs it: a real process, real storage, real signals. With
 * `built: true` the entry is plain JavaScript (a deploy artifact), run by Node alone from `cwd`.
 */
export function startProcess(
  entry: string,
  env: NodeJS.ProcessEnv,
  options: { built?: boolean; cwd?: string } = {},
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const child = spawn(process.execPath, options.built ? [entry] : ['--import', 'tsx', entry], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Polls `/healthz` until it answers (a minute at most), failing early when the process exits. */
export async function waitForHealth(
  url: string,
  exited: Promise<unknown>,
  timeoutMs = 60_000,
): Promise<void> {
  // A deadline, not a count of tries: on a busy 2-core machine tsx alone can take 15 s to start.
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (!gone && Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(gone ? `${url} exited before it came up` : `${url} did not come up within ${timeoutMs} ms`);
}
