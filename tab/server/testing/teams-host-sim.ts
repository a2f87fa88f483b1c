import type { BrowserContext, Frame, Page } from 'playwright-core';

/** Where the simulated Teams web client lives: an origin teams-js trusts without asking its CDN. */
const TEAMS_ORIGIN = 'https://teams.microsoft.com';
/** The tab as Teams frames it: https, like a deployed tab (http in an https page would be mixed content). */
const TAB_ORIGIN = 'https://pipeline-crm.teams-sim.test';

export type SimulatedTeamsOptions = {
  /** The real tab server (`http://127.0.0.1:port`): every request to the framed tab goes there. */
  readonly base: string;
  /** What `authentication.getAuthToken` hands out: a token the server accepts (a dev token). */
  readonly token: string;
  readonly userName: string;
  /** Teams' theme name: default, dark or contrast. */
  readonly theme?: string;
  readonly locale?: string;
  /** A channel tab's team; absent: a personal tab. */
  readonly teamId?: string;
};

/**
 * A Teams host in the browser, as far as the tab can tell: a page on teams.microsoft.com that frames
 * the tab (served by the real server through `TAB_ORIGIN`) and answers teams-js' messages the way
 * the Teams web client does (`initialize`, `getContext`, `authentication.getAuthToken`; one-way
 * messages such as `appInitialization.success` need no answer). The tab therefore loads teams-js and
 * goes through its SSO path, as it does inside Teams. Microsoft's CDN (teams-js' list of valid
 * origins) is refused, so teams-js uses the list it carries. `open` answers the tab's frame.
 */
export async function simulateTeamsHost(
  context: BrowserContext,
  options: SimulatedTeamsOptions,
): Promise<{ open(page: Page): Promise<Frame> }> {
  const legacyContext = {
    locale: options.locale ?? 'en-us',
    theme: options.theme ?? 'default',
    entityId: 'pipeline-crm',
    frameContext: 'content',
    hostClientType: 'web',
    userDisplayName: options.userName,
    userObjectId: 'sim-user',
    tid: 'sim-tenant',
    appSessionId: 'sim-session',
    ...(options.teamId ? { teamId: options.teamId, teamName: 'Simulated team' } : {}),
  };
  const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Microsoft Teams (simulated)</title>
<style>html, body, iframe { margin: 0; border: 0; width: 100%; height: 100%; display: block; }</style></head>
<body><iframe src="${TAB_ORIGIN}/tab" title="Pipeline CRM"></iframe><script>
const context = ${JSON.stringify(legacyContext)};
const token = ${JSON.stringify(options.token)};
window.teamsCalls = [];
addEventListener('message', (event) => {
  const message = event.data;
  if (!message || typeof message.func !== 'string') return;
  window.teamsCalls.push(message.func);
  const answer = (args) =>
    event.source.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, event.origin);
  // The client's SDK version as its "runtime config": teams-js derives what the host supports from it.
  if (message.func === 'initialize') answer(['content', 'web', '2.0.0', '2.0.0']);
  else if (message.func === 'getContext') answer([context]);
  else if (message.func === 'authentication.getAuthToken') answer([true, token]);
});
</script></body></html>`;
  await context.route(`${TEAMS_ORIGIN}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: host }),
  );
  await context.route(`${TAB_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    try {
      const response = await route.fetch({ url: options.base + url.pathname + url.search });
      await route.fulfill({ response });
    } catch {
      // The page closed with the request on its way (a background refetch after the test's last
      // check), or the server did not answer: the request fails as it would in a browser.
      await route.abort().catch(() => undefined);
    }
  });
  await context.route('https://res.cdn.office.net/**', (route) => route.abort());
  return {
    open: async (page) => {
      await page.goto(`${TEAMS_ORIGIN}/_#/apps/pipeline-crm`);
      const frame = page.frame({ url: (url) => url.origin === TAB_ORIGIN });
      if (!frame) throw new Error('the simulated Teams shows no tab');
      return frame;
    },
  };
}

/** The messages the tab sent its simulated Teams host so far, by function name. */
export const teamsCalls = (page: Page): Promise<string[]> =>
  page.evaluate('window.teamsCalls') as Promise<string[]>;
