import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One activity the bot sent to the Bot Connector service. */
export type SentActivity = {
  readonly conversationId: string;
  readonly replyToId?: string;
  readonly activity: {
    readonly type: string;
    readonly text?: string;
    readonly summary?: string;
    readonly attachments?: readonly { readonly contentType: string; readonly content: unknown }[];
  };
};

export type ConnectorStandIn = {
  /** The `serviceUrl` to put in activities. */
  readonly url: string;
  readonly sent: SentActivity[];
  close(): Promise<void>;
};

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

/** A local Bot Connector service on loopback: records what the bot posts and answers 200 with an id. */
export async function startConnectorStandIn(): Promise<ConnectorStandIn> {
  const sent: SentActivity[] = [];
  const server = createServer((req, res) => {
    const match = ACTIVITIES.exec((req.url ?? '').split('?')[0] ?? '');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || !match) {
        res.writeHead(404).end();
        return;
      }
      sent.push({
        conversationId: decodeURIComponent(match[1] ?? ''),
        ...(match[2] ? { replyToId: decodeURIComponent(match[2]) } : {}),
        activity: JSON.parse(Buffer.concat(chunks).toString('utf8')) as SentActivity['activity'],
      });
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ id: `sent-${sent.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
