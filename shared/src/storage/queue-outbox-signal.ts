import type { QueueClient } from '@azure/storage-queue';
import { QueueServiceClient, type StoragePipelineOptions } from '@azure/storage-queue';
import { DefaultAzureCredential } from '@azure/identity';
import type { WorkspaceId } from '../common/types';
import type { OutboxSignal, OutboxWakeups } from '../application/relay/relay-ports';
import type { TableStorageConfig } from './connect';
import { isKeySafeId } from './record-keys';

/** Messages taken per receive (the service's maximum). */
const BATCH = 32;
/** A received message hides this long; we delete it at once (the pending index is the durable truth). */
const VISIBILITY_SECONDS = 30;

export type OutboxQueue = OutboxSignal &
  OutboxWakeups & {
    /** Creates the queue if missing (at start-up; idempotent). */
    ensureQueue(): Promise<void>;
  };

/**
 * The wake-up signal as an Azure Storage queue `<prefix>-outbox`: the committing process (tab server
 * or bot) sends the workspace id; relays poll and delete. A lost or duplicated message costs only
 * latency or one extra pass: the pending index and its sweep make sure nothing is missed.
 */
export function connectOutboxQueue(
  config: TableStorageConfig,
  options: { tablePrefix: string; pipeline?: StoragePipelineOptions },
): OutboxQueue | undefined {
  const service = queueService(config, options.pipeline);
  if (!service) return undefined;
  const queue = service.getQueueClient(`${options.tablePrefix.toLowerCase()}-outbox`);
  return {
    async ensureQueue() {
      await queue.createIfNotExists();
    },
    async notify(ws) {
      await queue.sendMessage(ws);
    },
    async receive() {
      return receive(queue);
    },
  };
}

async function receive(queue: QueueClient): Promise<WorkspaceId[]> {
  const { receivedMessageItems } = await queue.receiveMessages({
    numberOfMessages: BATCH,
    visibilityTimeout: VISIBILITY_SECONDS,
  });
  const workspaces = new Set<WorkspaceId>();
  await Promise.all(
    receivedMessageItems.map(async (message) => {
      if (isKeySafeId(message.messageText)) workspaces.add(message.messageText);
      // A failed delete only means the message comes back once more.
      await queue.deleteMessage(message.messageId, message.popReceipt).catch(() => undefined);
    }),
  );
  return [...workspaces];
}

/**
 * The queue endpoint of the same account: from the connection string (Azurite's names it with
 * `QueueEndpoint=`; one with only a `TableEndpoint=` has none, and the relay then relies on its
 * sweep), or the account URL with `.table.` turned into `.queue.` (managed identity).
 */
function queueService(
  config: TableStorageConfig,
  pipeline: StoragePipelineOptions = {},
): QueueServiceClient | undefined {
  if ('connectionString' in config) {
    const cs = config.connectionString;
    if (/TableEndpoint=/i.test(cs) && !/QueueEndpoint=/i.test(cs)) return undefined;
    return QueueServiceClient.fromConnectionString(cs, pipeline);
  }
  const url = config.accountUrl.replace('.table.', '.queue.');
  if (url === config.accountUrl) return undefined;
  return new QueueServiceClient(url, config.credential ?? new DefaultAzureCredential(), pipeline);
}
