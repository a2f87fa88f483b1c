import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig as loadBotConfig } from '../bot/src/config';
import { START_COMMAND } from '../scripts/deploy/app-artifacts';
import { loadConfig as loadTabConfig } from '../tab/server/config';
import { outlineBicep, type BicepResource } from './bicep-outline';

const read = (name: string) => readFileSync(join(__dirname, name), 'utf8');
const bicep = outlineBicep(read('azure.bicep'));
const parameters = (
  JSON.parse(read('azure.parameters.json')) as { parameters: Record<string, { value: unknown }> }
).parameters;

const resourcesOf = (type: string): BicepResource[] =>
  bicep.resources.filter((resource) => resource.type === type);
const only = (type: string): BicepResource => {
  const [resource, ...more] = resourcesOf(type);
  if (!resource || more.length > 0)
    throw new Error(`expected one ${type}, found ${more.length + (resource ? 1 : 0)}`);
  return resource;
};
const resource = (symbol: string): BicepResource => {
  const found = bicep.resources.find((candidate) => candidate.symbol === symbol);
  if (!found) throw new Error(`no resource ${symbol}`);
  return found;
};
const webApp = resource;

/** The `{ name: 'X' value: ... }` pairs of a piece of the template, values as Bicep wrote them. */
const settingsIn = (text: string): Map<string, string> =>
  new Map([...text.matchAll(/name: '([A-Z0-9_]+)'\s+value: (.+)/g)].map((m) => [m[1]!, m[2]!.trim()]));
const commonSettingsText = (() => {
  const text = read('azure.bicep');
  const start = text.indexOf('var commonAppSettings = [');
  return text.slice(start, text.indexOf('\n]\n', start));
})();
const appSettings = (symbol: string) =>
  new Map([...settingsIn(commonSettingsText), ...settingsIn(webApp(symbol).body)]);
/** What a setting's value would be in Azure, near enough for the apps' config to judge it. */
const plausible = (name: string, value: string): string => {
  const literal = /^'([^'$]*)'$/.exec(value);
  if (literal) return literal[1]!;
  // A variable or a parameter's default that is a plain string.
  const named =
    bicep.vars.get(value) ?? new RegExp(`^param ${value} \\w+ = (.+)$`, 'm').exec(read('azure.bicep'))?.[1];
  const plain = named && /^'([^'$]*)'$/.exec(named);
  if (plain) return plain[1]!;
  return /URL|ENDPOINT/.test(name) ? 'https://example.azurewebsites.net' : `value-of-${name}`;
};
const environmentOf = (symbol: string) =>
  Object.fromEntries([...appSettings(symbol)].map(([name, value]) => [name, plausible(name, value)]));
/** Read by App Service or the Azure SDK, not by our config. */
const PLATFORM_SETTINGS = [
  'PORT',
  'WEBSITE_RUN_FROM_PACKAGE',
  'SCM_DO_BUILD_DURING_DEPLOYMENT',
  'AZURE_CLIENT_ID',
];
const projectFile = (path: string) => readFileSync(join(__dirname, '..', path), 'utf8');

describe('infra/azure.bicep', () => {
  it('declares the storage, identity, roles, Key Vault, App Service, web apps and Azure Bot with its Teams channel', () => {
    expect(bicep.resources.map((resource) => resource.type).sort()).toEqual(
      [
        'Microsoft.Authorization/roleAssignments',
        'Microsoft.Authorization/roleAssignments',
        'Microsoft.Authorization/roleAssignments',
        'Microsoft.KeyVault/vaults',
        'Microsoft.KeyVault/vaults/secrets',
        'Microsoft.BotService/botServices',
        'Microsoft.BotService/botServices/channels',
        'Microsoft.ManagedIdentity/userAssignedIdentities',
        'Microsoft.Storage/storageAccounts',
        'Microsoft.Storage/storageAccounts/tableServices',
        'Microsoft.Web/serverfarms',
        'Microsoft.Web/sites',
        'Microsoft.Web/sites',
      ].sort(),
    );
  });

  it('pins a released (non-preview) API version on every resource', () => {
    expect(bicep.resources.filter((resource) => !/^\d{4}-\d{2}-\d{2}$/.test(resource.apiVersion))).toEqual(
      [],
    );
  });

  it('turns shared-key access off on the storage account', () => {
    expect(only('Microsoft.Storage/storageAccounts').body).toMatch(/^\s+allowSharedKeyAccess: false$/m);
  });

  it.each([
    ['tableDataContributor', 'tableDataContributorRoleId', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'],
    ['queueDataContributor', 'queueDataContributorRoleId', '974c5e8b-45b9-4653-ba55-5f855dd0fb88'],
  ])('gives the managed identity %s on the storage account', (symbol, roleVar, roleId) => {
    const role = resource(symbol).body;
    expect(bicep.vars.get(roleVar)).toBe(`'${roleId}'`);
    expect(role).toMatch(/^\s+scope: storage$/m);
    expect(role).toContain(
      `roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', ${roleVar})`,
    );
    expect(role).toMatch(/principalId: identity\.properties\.principalId/);
    expect(webApp('tabApp').body).toMatch(new RegExp(`dependsOn: \\[[^\\]]*${symbol}`));
    expect(webApp('botApp').body).toMatch(new RegExp(`dependsOn: \\[[^\\]]*${symbol}`));
  });

  it('hands every app the identity and the table endpoint, for DefaultAzureCredential', () => {
    expect(read('azure.bicep')).toMatch(/name: 'STORAGE_ACCOUNT_URL'\s+value: storageAccountUrl/);
    expect(read('azure.bicep')).toMatch(/name: 'AZURE_CLIENT_ID'\s+value: identity\.properties\.clientId/);
  });

  it.each([
    ['tabApp', 'TAB_PORT'],
    ['botApp', 'BOT_PORT'],
  ])(
    "runs %s on Node 22 LTS with the identity, a health check, the artifact's start command and its port",
    (symbol, port) => {
      const app = webApp(symbol).body;
      expect(bicep.vars.get('nodeRuntime')).toBe("'NODE|22-lts'");
      expect(app).toMatch(/linuxFxVersion: nodeRuntime/);
      expect(app).toMatch(/healthCheckPath: '\/healthz'/);
      expect(app).toMatch(/type: 'UserAssigned'/);
      expect(app).toMatch(/appSettings: concat\(commonAppSettings,/);
      expect(app).toMatch(/appCommandLine: startCommand$/m);
      expect(bicep.vars.get('startCommand')).toBe(`'${START_COMMAND}'`);
      // App Service routes to PORT on its built-in images; the app listens on its own variable.
      expect(appSettings(symbol).get(port)).toBe('appPort');
      expect(appSettings(symbol).get('PORT')).toBe('appPort');
      expect(appSettings(symbol).has('WEBSITES_PORT')).toBe(false);
      expect(app).toMatch(/clientAffinityEnabled: false/);
    },
  );

  it.each(['tabApp', 'botApp'])('runs %s from the uploaded zip, with no build on the server', (symbol) => {
    expect(appSettings(symbol).get('WEBSITE_RUN_FROM_PACKAGE')).toBe("'1'");
    expect(appSettings(symbol).get('SCM_DO_BUILD_DURING_DEPLOYMENT')).toBe("'false'");
  });

  it("keeps the tab's files in /home: run from package mounts wwwroot read-only", () => {
    expect(appSettings('tabApp').get('DATA_DIR')).toBe('tabDataDir');
    expect(bicep.vars.get('tabDataDir')).toMatch(/^'\/home\//);
  });

  it.each([
    ['tabApp', loadTabConfig, ['tab/server/config.ts', 'shared/src/runtime/process-config.ts']],
    ['botApp', loadBotConfig, ['bot/src/config.ts', 'shared/src/runtime/process-config.ts']],
  ] as const)(
    'gives %s settings its config accepts and reads, none that nothing reads',
    (symbol, load, sources) => {
      const loaded = load(environmentOf(symbol));
      expect(loaded.ok ? [] : loaded.problems).toEqual([]);
      expect(loaded.ok && loaded.config).toMatchObject({ port: 8080, host: '0.0.0.0' });
      const read = sources.map(projectFile).join('\n');
      const unread = [...appSettings(symbol).keys()].filter(
        (name) => !PLATFORM_SETTINGS.includes(name) && !new RegExp(`\\b${name}\\b`).test(read),
      );
      expect(unread).toEqual([]);
    },
  );

  it("keeps the bot's readiness and metrics closed in Azure; App Service's health check is /healthz", () => {
    const loaded = loadBotConfig(environmentOf('botApp'));
    expect(loaded.ok && loaded.config.metrics).toBe('off');
    expect(webApp('botApp').body).toMatch(/^\s+healthCheckPath: '\/healthz'$/m);
  });

  it('hands the bot its password as a Key Vault reference resolved with the identity, never in clear', () => {
    expect(appSettings('botApp').get('BOT_PASSWORD')).toBe(
      "'@Microsoft.KeyVault(SecretUri=${botPasswordSecret.properties.secretUriWithVersion})'",
    );
    expect(webApp('botApp').body).toMatch(/keyVaultReferenceIdentity: identity\.id$/m);
    expect(resource('botPasswordSecret').body).toMatch(/parent: vault\n/);
    expect(resource('botPasswordSecret').body).toMatch(/value: botAadAppClientSecret$/m);
    expect(resource('vault').body).toMatch(/enableRbacAuthorization: true$/m);
    const role = resource('vaultSecretsUser').body;
    expect(bicep.vars.get('keyVaultSecretsUserRoleId')).toBe("'4633458b-17de-408a-b874-0445c86b69e6'");
    expect(role).toMatch(/^\s+scope: vault$/m);
    expect(role).toMatch(/principalId: identity\.properties\.principalId/);
    expect(webApp('botApp').body).toMatch(/dependsOn: \[[^\]]*vaultSecretsUser/);
    // The secure parameter reaches the vault and nothing else.
    const uses = read('azure.bicep').match(/\bbotAadAppClientSecret\b/g) ?? [];
    expect(uses).toHaveLength(2); // its declaration and the secret's value
  });

  it('uses every parameter it declares', () => {
    const text = read('azure.bicep');
    const unused = [...bicep.params.keys()].filter(
      (name) => (text.match(new RegExp(`\\b${name}\\b`, 'g')) ?? []).length < 2,
    );
    expect(unused).toEqual([]);
  });

  it('claims zone redundancy only where the plan sets it', () => {
    const claims = /zone/i.test(read('azure.bicep').replace(/No zone redundancy is set/, ''));
    expect(claims).toBe(/zoneRedundant: true/.test(resource('plan').body));
  });

  it("points the Azure Bot at the bot app's /api/messages, single-tenant, with the Teams channel", () => {
    const bot = only('Microsoft.BotService/botServices');
    expect(bot.body).toMatch(
      /endpoint: 'https:\/\/\$\{botApp\.properties\.defaultHostName\}\/api\/messages'/,
    );
    expect(bot.body).toMatch(/msaAppType: 'SingleTenant'/);
    const channel = only('Microsoft.BotService/botServices/channels').body;
    expect(channel).toMatch(new RegExp(`parent: ${bot.symbol}\\n`));
    expect(channel).toMatch(/channelName: 'MsTeamsChannel'/);
  });

  it('names its outputs in upper case, as the toolkit writes them to the environment file', () => {
    expect([...bicep.outputs.keys()].filter((name) => name !== name.toUpperCase())).toEqual([]);
    expect(bicep.outputs.size).toBeGreaterThan(0);
  });
});

describe('infra/azure.parameters.json', () => {
  it('sets only parameters the template declares', () => {
    expect(Object.keys(parameters).filter((name) => !bicep.params.has(name))).toEqual([]);
  });

  it('sets every parameter the template has no default for', () => {
    const required = [...bicep.params.values()]
      .filter((param) => !param.hasDefault)
      .map((param) => param.name);
    expect(required.filter((name) => !(name in parameters))).toEqual([]);
  });

  it('feeds secrets (SECRET_*) to @secure() parameters only, and those only from secrets', () => {
    const fromSecret = Object.entries(parameters)
      .filter(([, { value }]) => String(value).includes('${{SECRET_'))
      .map(([name]) => name);
    const secure = [...bicep.params.values()]
      .filter((p) => p.decorators.includes('secure'))
      .map((p) => p.name);
    expect(fromSecret.sort()).toEqual(secure.sort());
    expect(secure.length).toBeGreaterThan(0);
  });

  it.each(Object.keys(parameters))('gives %s a value of the declared type', (name) => {
    const { value } = parameters[name]!;
    const type = bicep.params.get(name)?.type;
    expect(type === 'int' ? typeof value === 'number' : typeof value === type).toBe(true);
  });
});
