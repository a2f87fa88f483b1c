import {
  Agent,
  createServer as createHttpServer,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type RequestListener,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { Frame, Page } from 'playwright-core';
import { generate } from 'selfsigned';

/** Where the simulated Teams web client lives: an origin teams-js trusts without asking its CDN. */
const TEAMS_HOST = 'teams.microsoft.com';
/** The tab as Teams frames it: https, like a deployed tab (http in an https page would be mixed content). */
const TAB_HOST = 'pipeline-crm.teams-sim.test';
const TAB_ORIGIN = `https://${TAB_HOST}`;

export type SimulatedTeamsUser = {
  /** What `authentication.getAuthToken` hands out: a token the server accepts (a dev token). */
  readonly token: string;
  readonly userName: string;
  /** Teams' theme name: default, dark or contrast. */
  readonly theme?: string;
  readonly locale?: string;
  /** A channel tab's team; absent: a personal tab. */
  readonly teamId?: string;
};

export type SimulatedTeams = {
  /**
   * Options for `browser.newContext`: the context's requests go through the simulated network (an
   * HTTP proxy on loopback), whose certificate is self-signed.
   */
  readonly contextOptions: { proxy: { server: string }; ignoreHTTPSErrors: true };
  /** Opens Teams with the tab for `user` in `page` (of a context made with `contextOptions`); answers the tab's frame. */
  open(page: Page, user: SimulatedTeamsUser): Promise<Frame>;
  /**
   * Opens the tab as Teams' mobile app shows it, in `page` (a context made with `contextOptions`; a
   * phone's viewport is the caller's): top-level, with the app's bridge in the page. Answers the page.
   */
  openMobile(page: Page, user: SimulatedTeamsUser): Promise<Page>;
  close(): Promise<void>;
};

/**
 * A Teams host in the browser, as far as the tab can tell: a page on https://teams.microsoft.com that
 * frames the tab from an https origin of its own, served by the real server, and answers teams-js'
 * messages the way the Teams web client does (`initialize`, `getContext`,
 * `authentication.getAuthToken`; one-way messages such as `appInitialization.success` need no
 * answer). The tab therefore loads teams-js and goes through its SSO path, as it does inside Teams.
 *
 * Both origins are a TLS server on loopback, reached through an HTTP proxy given to the browser
 * context: the browser connects as it would over the network (TLS, keep-alive, its connection
 * limits), and the tab's requests reach the server as a byte stream — no per-request hop through the
 * test's driver (Playwright's request interception read every answer into the driver and back, which
 * added ~0.5 s to a first screen). Every other host, Microsoft's CDN included (teams-js' list of
 * valid origins), is refused, so teams-js uses the list it carries.
 */
export async function startSimulatedTeams(
  base: string,
  options: {
    /**
     * '2' (the default): HTTP/2 where the browser offers it, as App Service serves the tab
     * (`http20Enabled` in infra/azure.bicep); '1.1': HTTP/1.1 only (six connections per origin).
     */
    readonly http?: '2' | '1.1';
  } = {},
): Promise<SimulatedTeams> {
  const { private: key, cert } = await generate([{ name: 'commonName', value: TAB_HOST }], {
    keySize: 2048,
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: TEAMS_HOST },
          { type: 2, value: TAB_HOST },
        ],
      },
    ],
  });
  const backend = new URL(base);
  const agent = new Agent({ keepAlive: true });
  // With `allowHTTP1`, an HTTP/1.1 request comes as node:http's objects, which answer the same calls.
  const serve = (req: Http2ServerRequest, res: Http2ServerResponse) => {
    const host = (req.headers[':authority'] ?? req.headers.host ?? '').toString().split(':')[0];
    if (host === TEAMS_HOST) {
      // Teams' page for a user; anything else the page asks Teams for (a favicon) is not there.
      const url = new URL(req.url ?? '/', `https://${TEAMS_HOST}`);
      const user = url.pathname === '/_' ? readUser(url) : undefined;
      if (!user) res.writeHead(404).end();
      else {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(hostPage(user));
      }
      return;
    }
    if (host !== TAB_HOST) {
      res.writeHead(421).end();
      return;
    }
    // The tab's request, to the real server as it came (the server sees its own host name).
    const upstream = request(
      {
        host: backend.hostname,
        port: backend.port,
        method: req.method,
        path: req.url,
        headers: { ...withoutHopHeaders(req.headers), host: backend.host },
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, withoutHopHeaders(answer.headers));
        answer.pipe(res);
      },
    );
    // The server went away mid-answer: the browser sees a failed request, as it would.
    upstream.on('error', () => (res.headersSent ? res.end() : res.writeHead(502).end()));
    req.pipe(upstream);
  };
  const sites =
    options.http === '1.1'
      ? createHttpsServer({ key, cert }, serve as unknown as RequestListener)
      : createSecureServer({ key, cert, allowHTTP1: true }, serve);
  await listen(sites);
  const sitesPort = (sites.address() as AddressInfo).port;

  const tunnels = new Set<Socket>();
  const proxy = createHttpServer((_req, res) => res.writeHead(403).end());
  proxy.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const [host, port] = (req.url ?? '').split(':');
    if ((host !== TEAMS_HOST && host !== TAB_HOST) || port !== '443') {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const site = connect(sitesPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      site.write(head);
      site.pipe(client);
      client.pipe(site);
    });
    for (const socket of [client, site]) {
      tunnels.add(socket);
      socket.on('close', () => tunnels.delete(socket));
      socket.on('error', () => {
        client.destroy();
        site.destroy();
      });
    }
  });
  await listen(proxy);

  return {
    contextOptions: {
      proxy: { server: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` },
      ignoreHTTPSErrors: true,
    },
    open: async (page, user) => {
      const state = Buffer.from(JSON.stringify(user)).toString('base64url');
      await page.goto(`https://${TEAMS_HOST}/_?sim=${state}#/apps/pipeline-crm`);
      const frame = page.frame({ url: (url) => url.origin === TAB_ORIGIN });
      if (!frame) throw new Error('the simulated Teams shows no tab');
      return frame;
    },
    openMobile: async (page, user) => {
      await page.addInitScript(mobileBridge(user));
      await page.goto(`${TAB_ORIGIN}/tab`);
      return page;
    },
    close: async () => {
      // The tunnels carry every connection the browser had open to either site.
      for (const socket of tunnels) socket.destroy();
      agent.destroy();
      proxy.closeAllConnections();
      await Promise.all([close(proxy), close(sites)]);
    },
  };
}

/** What one hop says about its own connection: HTTP/2 forbids these, and the next hop has its own. */
const HOP_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'http2-settings',
]);
function withoutHopHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !name.startsWith(':') && !HOP_HEADERS.has(name)),
  );
}

type Listener = {
  listen(port: number, host: string, ready: () => void): unknown;
  close(done: () => void): unknown;
};
const listen = (server: Listener) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const close = (server: Listener) => new Promise<void>((resolve) => server.close(() => resolve()));

/** The user `open` put in the page's address (`?sim=`, base64url JSON), if it is there and whole. */
function readUser(url: URL): SimulatedTeamsUser | undefined {
  try {
    const user = JSON.parse(Buffer.from(url.searchParams.get('sim') ?? '', 'base64url').toString('utf8'));
    return typeof user?.token === 'string' && typeof user.userName === 'string' ? user : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Teams' side of teams-js' messages, as script text: `window.teamsCalls` lists what was asked, and
 * `window.answerTeams(message, reply)` answers `initialize`, `getContext` and
 * `authentication.getAuthToken` for `user` (one-way messages need no answer). `client` is the host
 * client type Teams reports: web, or android for its mobile app.
 */
function teamsAnswers(user: SimulatedTeamsUser, client: 'web' | 'android'): string {
  const legacyContext = {
    locale: user.locale ?? 'en-us',
    theme: user.theme ?? 'default',
    entityId: 'pipeline-crm',
    frameContext: 'content',
    hostClientType: client,
    userDisplayName: user.userName,
    userObjectId: 'sim-user',
    tid: 'sim-tenant',
    appSessionId: 'sim-session',
    ...(user.teamId ? { teamId: user.teamId, teamName: 'Simulated team' } : {}),
  };
  // `<` escaped: the JSON may sit inside a script element.
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  return `
window.teamsCalls = [];
window.answerTeams = (message, reply) => {
  if (!message || typeof message.func !== 'string') return;
  window.teamsCalls.push(message.func);
  const answer = (args) => reply({ id: message.id, uuidAsString: message.uuidAsString, args });
  // The client's SDK version as its "runtime config": teams-js derives what the host supports from it.
  if (message.func === 'initialize') answer(['content', ${json(client)}, '2.0.0', '2.0.0']);
  else if (message.func === 'getContext') answer([${json(legacyContext)}]);
  else if (message.func === 'authentication.getAuthToken') answer([true, ${json(user.token)}]);
};`;
}

/** Teams' page for `user`: frames the tab and answers teams-js. */
function hostPage(user: SimulatedTeamsUser): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Microsoft Teams (simulated)</title>
<style>html, body, iframe { margin: 0; border: 0; width: 100%; height: 100%; display: block; }</style></head>
<body><iframe src="${TAB_ORIGIN}/tab" title="Pipeline CRM"></iframe><script>${teamsAnswers(user, 'web')}
addEventListener('message', (event) =>
  window.answerTeams(event.data, (reply) => event.source.postMessage(reply, event.origin)));
</script></body></html>`;
}

/**
 * Teams' mobile app, as the tab sees it: no frame, the tab the web view's top document, and the bridge
 * the app puts in the view (`nativeInterface.framelessPostMessage` carries teams-js' messages out,
 * `onNativeMessage`, which teams-js sets, brings the answers in). An init script of the page.
 */
const mobileBridge = (user: SimulatedTeamsUser) => `if (location.origin === ${JSON.stringify(TAB_ORIGIN)}) {
${teamsAnswers(user, 'android')}
window.nativeInterface = {
  framelessPostMessage: (text) =>
    window.answerTeams(JSON.parse(text), (reply) => setTimeout(() => window.onNativeMessage({ data: reply }))),
};
}`;

/** The messages the tab sent its simulated Teams host so far, by function name. */
export const teamsCalls = (page: Page): Promise<string[]> =>
  page.evaluate('window.teamsCalls') as Promise<string[]>;
