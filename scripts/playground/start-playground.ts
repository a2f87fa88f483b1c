/**
 * The Microsoft 365 Agents Playground (`@microsoft/m365agentsplayground`): a local Teams for the bot,
 * offline. It sends Teams-shaped activities to the bot from a web page (personal chat, group chat,
 * the team "My Team" of `.m365agentsplayground.yml`) and answers the Bot Connector calls the bot
 * makes (replies, rosters, proactive posts) on `/_connector`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');
const LOOPBACK_ONLY = join(__dirname, 'loopback.cjs');
export const PLAYGROUND_CONFIG = join(root, '.m365agentsplayground.yml');

/** Where `npm start` runs it unless PLAYGROUND_PORT says otherwise. */
export const DEFAULT_PLAYGROUND_PORT = 56_150;

/** Its Bot Connector, where the bot posts: what the seeded demo channel's conversation reference names. */
export const playgroundServiceUrl = (port: number): string => `http://127.0.0.1:${port}/_connector`;

export type PlaygroundOptions = {
  readonly port: number;
  /** The bot's messaging endpoint. */
  readonly botEndpoint: string;
  /** Its log file and working folder go under here. */
  readonly dataDir: string;
  readonly env?: NodeJS.ProcessEnv;
};

export type RunningPlayground = {
  /** The page to open. */
  readonly url: string;
  readonly logFile: string;
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
};

/** How long it may take to listen (a busy machine loads its 5 MB bundle slowly). */
const LISTEN_TIMEOUT_MS = 60_000;

/**
 * Starts the playground on `port` (loopback only, telemetry off, no browser opened) against the bot.
 * Refuses a port in use: the playground would silently take another one, and the demo channel's
 * conversation reference names this one.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  if (!(await portIsFree(options.port))) {
    throw new Error(`port ${options.port} is in use (set PLAYGROUND_PORT, or PLAYGROUND=false)`);
  }
  const workDir = join(options.dataDir, 'playground');
  mkdirSync(workDir, { recursive: true });
  const logFile = join(workDir, 'playground.log');
  const args = [
    ...['--require', LOOPBACK_ONLY, CLI],
    ...['--app-endpoint', options.botEndpoint, '--channel-id', 'msteams'],
    ...['--port', String(options.port), '--service-url', playgroundServiceUrl(options.port)],
    '--disable-telemetry',
  ];
  const child = spawn(process.execPath, args, {
    cwd: workDir,
    env: {
      ...(options.env ?? process.env),
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: PLAYGROUND_CONFIG,
      M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
      TEAMSAPPTESTER_BROWSER: 'none',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };

  // Without a terminal it writes one line to stdout, "Listening on <port>", and the rest to its log.
  let output = '';
  const port = await new Promise<number>((listening, failed) => {
    const timer = setTimeout(
      () => failed(new Error(`it did not listen within ${LISTEN_TIMEOUT_MS / 1000} s`)),
      LISTEN_TIMEOUT_MS,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Listening on (\d+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        listening(Number(found[1]));
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then((code) => {
      clearTimeout(timer);
      failed(new Error(`it exited (${code}) before listening: ${output.trim() || `see ${logFile}`}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  if (port !== options.port) {
    await stop();
    throw new Error(`it took port ${port} instead of ${options.port}`);
  }
  return { url: `http://localhost:${port}`, logFile, exited, stop };
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((answer) => {
    const probe = createServer();
    probe.once('error', () => answer(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => answer(true)));
  });
}
