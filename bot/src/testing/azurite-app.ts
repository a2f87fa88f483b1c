import { randomBytes } from 'node:crypto';
import type { AppDeps } from '@crm/shared/application';
import { connectTableStorage, createIdGenerator, systemClock } from '@crm/shared/storage';

/** Use-case dependencies over Azurite (integration globalSetup), in tables of their own. */
export async function azuriteAppDeps(prefix: string): Promise<AppDeps> {
  const connectionString = process.env.TEST_STORAGE_CONNECTION_STRING;
  if (!connectionString)
    throw new Error('TEST_STORAGE_CONNECTION_STRING is not set: run as an integration test');
  const storage = connectTableStorage(
    { connectionString },
    { tablePrefix: `${prefix}${randomBytes(4).toString('hex')}` },
  );
  await storage.ensureTables();
  return { ...storage, clock: systemClock, ids: createIdGenerator() };
}
