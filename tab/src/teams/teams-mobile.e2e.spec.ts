import { startE2e, type E2e } from '../../server/testing/e2e-harness';
import { startSimulatedTeams, teamsCalls } from '../../server/testing/teams-host-sim';

/**
 * The tab in Teams' mobile app: not framed but the top document of the app's web view, talking to
 * Teams through the bridge the app puts there (teams-js' "frameless" window). A tab that looked only
 * for a parent frame showed the sign-in form there.
 */
let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e();
}, 60_000);

afterAll(async () => {
  await e2e?.close();
});

it("in Teams' mobile app (no frame, Teams' bridge), signs in with Teams' SSO token at phone width", async () => {
  const actor = { tenantId: 'aaaaaaaa-0000-4000-8000-0000000000f8', userId: 'mia', name: 'Mia Mobile' };
  const answer = await fetch(`${e2e.base}/api/dev/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(actor),
  });
  const { token } = (await answer.json()) as { token: string };
  const teams = await startSimulatedTeams(e2e.base);
  const context = await e2e.browser.newContext({
    locale: 'en-US',
    viewport: { width: 400, height: 800 },
    ...teams.contextOptions,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  try {
    const tab = await teams.openMobile(page, { token, userName: actor.name, theme: 'dark' });
    expect(await tab.evaluate('window.self === window.top')).toBe(true);
    // Signed in by Teams: a workspace to create, never the sign-in form.
    await tab.getByRole('textbox', { name: 'New workspace name' }).fill('On the road');
    await tab.getByRole('textbox', { name: 'New workspace name' }).press('Enter');
    await tab.getByRole('heading', { name: 'My day', level: 2 }).waitFor();
    expect(await tab.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
    expect(await teamsCalls(page)).toEqual(
      expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken']),
    );
    // Teams' theme: the dark one, as Teams said.
    const background = await tab.evaluate('getComputedStyle(document.body).backgroundColor');
    expect(background).not.toBe('rgb(255, 255, 255)');
    expect(problems).toEqual([]);
  } finally {
    await context.close();
    await teams.close();
  }
});
