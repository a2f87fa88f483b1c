import type { Server } from 'node:http';
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
