import type { Server } from 'node:http';
import type * as z from 'zod';
import type { TableStorageConfig } from '../storage/connect';

/**
 * What every process of ours (tab server, bot) reads and does the same way, kept in one place:
 * which hosts count as loopback, where storage is, and how a server drains on shutdown.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '::1', '[::1]']);

/** True for the hosts only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(host);
}

/** An exported-but-empty variable means "not set". */
export const withoutEmpty = (env: unknown): unknown =>
  Object.fromEntries(Object.entries(env as Record<string, unknown>).filter(([, value]) => value !== ''));

/** A process's configuration read from its environment, or every problem, named by variable. */
export type EnvironmentResult<C> =
  { readonly ok: true; readonly config: C } | { readonly ok: false; readonly problems: string[] };

/** Reads and validates a process's environment once (empty variables unset); the composition root passes it down. */
export function readEnvironment<S extends z.ZodType>(
  schema: S,
  env: NodeJS.ProcessEnv,
): EnvironmentResult<z.output<S>> {
  const parsed = schema.safeParse(withoutEmpty(env));
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`,
    ),
  };
}

export const STORAGE_REQUIRED =
  'set STORAGE_CONNECTION_STRING, or STORAGE_ACCOUNT_URL with a managed identity';

/** A connection string (Azurite, shared key) wins over an account URL (managed identity). */
export function storageConfigOf(env: {
  readonly STORAGE_CONNECTION_STRING?: string | undefined;
  readonly STORAGE_ACCOUNT_URL?: string | undefined;
}): TableStorageConfig | undefined {
  if (env.STORAGE_CONNECTION_STRING) return { connectionString: env.STORAGE_CONNECTION_STRING };
  if (env.STORAGE_ACCOUNT_URL) return { accountUrl: env.STORAGE_ACCOUNT_URL };
  return undefined;
}

/** In a schema's transform: the storage the environment names, else an issue saying what to set. */
export function storageOrIssue(
  env: Parameters<typeof storageConfigOf>[0],
  ctx: z.RefinementCtx,
): TableStorageConfig | undefined {
  const storage = storageConfigOf(env);
  if (!storage)
    ctx.addIssue({ code: 'custom', path: ['STORAGE_CONNECTION_STRING'], message: STORAGE_REQUIRED });
  return storage;
}

/** Stops accepting, lets in-flight requests finish (idle keep-alive sockets close now), then gives up. */
export function drainServer(server: Server, drainMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const force = setTimeout(() => {
      server.closeAllConnections();
      reject(new Error('requests still running after the drain period'));
    }, drainMs);
    force.unref();
    server.close((error) => {
      clearTimeout(force);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}

/**
 * A server process's graceful stop on SIGTERM/SIGINT: no new connections, the ones in flight get
 * `drainMs`, `finish` stops the process's own work (relays, imports, schedules), traces are
 * flushed, then it exits (1 when something did not finish in time).
 */
export function stopOnSignals(options: {
  readonly server: Server;
  readonly drainMs: number;
  readonly log: { info(details: object, message: string): void };
  /** What the log line says is finishing ("requests", "activities"). */
  readonly inFlight: string;
  readonly finish: () => readonly Promise<unknown>[];
  readonly tracing?: { shutdown(): Promise<void> } | undefined;
}): void {
  const stop = (signal: string) => {
    options.log.info({ signal }, `stopping: no new connections, finishing ${options.inFlight} in flight`);
    Promise.all([drainServer(options.server, options.drainMs), ...options.finish()])
      .then(() => options.tracing?.shutdown())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
