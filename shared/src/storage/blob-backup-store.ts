import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { DefaultAzureCredential } from '@azure/identity';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import type { TableStorageConfig } from './connect';
import type { BackupStore } from './table-backup';

/** The backups' container (immutable and geo-redundant in Azure: see infra/azure.bicep). */
export const BACKUP_CONTAINER = 'crm-backups';

/**
 * Backups in Blob Storage, beside the tables: the connection string's BlobEndpoint (Azurite's blob
 * service locally), or the account URL's blob endpoint with the managed identity. Undefined when the
 * configuration names no blob endpoint.
 */
export function connectBlobBackupStore(
  config: TableStorageConfig,
  container: string = BACKUP_CONTAINER,
): (BackupStore & { ensureContainer(): Promise<void> }) | undefined {
  const service = blobService(config);
  return service ? blobBackupStore(service.getContainerClient(container)) : undefined;
}

/** A container beside the tables (see `connectBlobBackupStore`), or undefined without a blob endpoint. */
export function connectBlobContainer(
  config: TableStorageConfig,
  container: string,
): ContainerClient | undefined {
  return blobService(config)?.getContainerClient(container);
}

export type { ContainerClient };

function blobService(config: TableStorageConfig): BlobServiceClient | undefined {
  if ('connectionString' in config) {
    if (
      !/BlobEndpoint=|UseDevelopmentStorage=true|AccountName=.*;AccountKey=.*EndpointSuffix/i.test(
        config.connectionString,
      )
    )
      return undefined;
    return BlobServiceClient.fromConnectionString(config.connectionString);
  }
  const blobUrl = config.accountUrl.replace('.table.', '.blob.');
  if (blobUrl === config.accountUrl) return undefined;
  return new BlobServiceClient(blobUrl, config.credential ?? new DefaultAzureCredential());
}

export function blobBackupStore(
  container: ContainerClient,
): BackupStore & { ensureContainer(): Promise<void> } {
  return {
    async ensureContainer() {
      await container.createIfNotExists();
    },
    async put(name, lines) {
      async function* withNewlines() {
        for await (const line of lines) yield Buffer.from(`${line}\n`);
      }
      // Refused when the blob exists (If-None-Match: *): a backup is never overwritten.
      await container
        .getBlockBlobClient(name)
        .uploadStream(Readable.from(withNewlines()), 4 * 1024 * 1024, 4, {
          conditions: { ifNoneMatch: '*' },
          blobHTTPHeaders: { blobContentType: 'application/x-ndjson' },
        });
    },
    async *lines(name) {
      const download = await container.getBlockBlobClient(name).download();
      if (!download.readableStreamBody) throw new Error(`${name}: no body`);
      const reader = createInterface({ input: download.readableStreamBody, crlfDelay: Infinity });
      for await (const line of reader) yield line;
    },
    async list(prefix) {
      const names: string[] = [];
      for await (const blob of container.listBlobsFlat({ prefix })) names.push(blob.name);
      return names.sort();
    },
  };
}
