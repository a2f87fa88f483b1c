import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
const webApp = (symbol: string): BicepResource => {
  const app = resourcesOf('Microsoft.Web/sites').find((resource) => resource.symbol === symbol);
  if (!app) throw new Error(`no web app ${symbol}`);
  return app;
};

describe('infra/azure.bicep', () => {
  it('declares the storage, identity, role, App Service, web apps and Azure Bot with its Teams channel', () => {
    expect(bicep.resources.map((resource) => resource.type).sort()).toEqual(
      [
        'Microsoft.Authorization/roleAssignments',
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

  it('gives the managed identity Storage Table Data Contributor on the storage account', () => {
    const role = only('Microsoft.Authorization/roleAssignments').body;
    expect(bicep.vars.get('tableDataContributorRoleId')).toBe("'0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'");
    expect(role).toMatch(/^\s+scope: storage$/m);
    expect(role).toMatch(
      /roleDefinitionId: subscriptionResourceId\('Microsoft.Authorization\/roleDefinitions', tableDataContributorRoleId\)/,
    );
    expect(role).toMatch(/principalId: identity\.properties\.principalId/);
  });

  it('hands every app the identity and the table endpoint, for DefaultAzureCredential', () => {
    expect(read('azure.bicep')).toMatch(/name: 'STORAGE_ACCOUNT_URL'\s+value: storageAccountUrl/);
    expect(read('azure.bicep')).toMatch(/name: 'AZURE_CLIENT_ID'\s+value: identity\.properties\.clientId/);
  });

  it.each([
    ['tabApp', 'tab/server/index.ts', 'TAB_PORT'],
    ['botApp', 'bot/src/index.ts', 'BOT_PORT'],
  ])(
    'runs %s on Node 22 LTS with the identity, a health check, its entry point and port',
    (symbol, entry, port) => {
      const app = webApp(symbol).body;
      expect(bicep.vars.get('nodeRuntime')).toBe("'NODE|22-lts'");
      expect(app).toMatch(/linuxFxVersion: nodeRuntime/);
      expect(app).toMatch(/healthCheckPath: '\/healthz'/);
      expect(app).toMatch(/type: 'UserAssigned'/);
      expect(app).toMatch(/appSettings: concat\(commonAppSettings,/);
      expect(app).toContain(`appCommandLine: 'node --import tsx ${entry}'`);
      expect(app).toMatch(new RegExp(`name: '${port}'\\s+value: appPort`));
      expect(app).toMatch(/clientAffinityEnabled: false/);
    },
  );

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
