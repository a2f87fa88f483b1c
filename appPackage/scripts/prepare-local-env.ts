/**
 * The first step of `atk provision --env local` (teamsapp.local.yml). env/.env.local ships clearly
 * fake ids so that the package builds offline; the toolkit creates an app only when its id is empty,
 * so those are forgotten here (`::set-teamsfx-env NAME=""` is how a script action sets a variable).
 * Teams reaches the tab and the bot only over HTTPS, so plain-HTTP endpoints stop provisioning early.
 */
export const OFFLINE_ID = /^00000000-0000-0000-0000-0000000000\d\d$/;

const PROVISIONED_IDS = ['TEAMS_APP_ID', 'BOT_ID', 'AAD_APP_CLIENT_ID'] as const;
const ENDPOINTS = [
  ['TAB_ENDPOINT', 'TAB_DOMAIN'],
  ['BOT_ENDPOINT', 'BOT_DOMAIN'],
] as const;

function endpointProblem(env: NodeJS.ProcessEnv, endpoint: string, domain: string): string | undefined {
  const url = env[endpoint] ?? '';
  if (!url.startsWith('https://'))
    return `${endpoint} is "${url}": Teams needs HTTPS; put your tunnel's address here`;
  if (new URL(url).host !== env[domain])
    return `${domain} must be the host of ${endpoint} (${new URL(url).host})`;
  return undefined;
}

export type Preparation = { ok: true; commands: string[] } | { ok: false; problems: string[] };

export function prepareLocalEnv(env: NodeJS.ProcessEnv): Preparation {
  const problems = ENDPOINTS.map(([endpoint, domain]) => endpointProblem(env, endpoint, domain)).filter(
    (problem) => problem !== undefined,
  );
  if (problems.length > 0) return { ok: false, problems };
  const commands = PROVISIONED_IDS.filter((name) => OFFLINE_ID.test(env[name] ?? '')).map(
    (name) => `::set-teamsfx-env ${name}=""`,
  );
  return { ok: true, commands };
}

if (require.main === module) {
  const result = prepareLocalEnv(process.env);
  if (result.ok) {
    for (const command of result.commands) console.log(command);
  } else {
    console.error(`env/.env.local is not ready for Teams:\n  - ${result.problems.join('\n  - ')}`);
    process.exitCode = 1;
  }
}
