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
/** A multi-line `var name = [ ... ]` or `{ ... }` of the template, as written. */
const varText = (name: string): string => {
  const text = read('azure.bicep');
  const start = text.search(new RegExp(`^var ${name} = `, 'm'));
  if (start < 0) return '';
  const end = text.slice(start).search(/\n[\]})][)]?\n/);
  return text.slice(start, start + end + 3);
};
/**
 * A web app or slot (`tabApp`, `tabStaging`) with what it is built from: its body and the site
 * configuration and app settings its slots share (`tabSiteConfig`, `tabAppSettings`, `tabSwapSettings`).
 */
const webApp = (symbol: string): BicepResource => {
  const app = /^(tab|bot)/.exec(symbol)?.[1] ?? symbol;
  const shared = ['SiteConfig', 'AppSettings', 'SwapSettings'].map((part) => varText(`${app}${part}`));
  const found = resource(symbol);
  return { ...found, body: [found.body, ...shared].join('\n') };
};

/** The `{ name: 'X' value: ... }` pairs of a piece of the template, values as Bicep wrote them. */
const settingsIn = (text: string): Map<string, string> =>
  new Map([...text.matchAll(/name: '([A-Z0-9_]+)'\s+value: (.+)/g)].map((m) => [m[1]!, m[2]!.trim()]));
const appSettings = (symbol: string) =>
  new Map([...settingsIn(varText('commonAppSettings')), ...settingsIn(webApp(symbol).body)]);
/** What a setting's value would be in Azure, near enough for the apps' config to judge it. */
const plausible = (name: string, value: string): string => {
  const literal = /^'([^'$]*)'$/.exec(value);
  if (literal) return literal[1]!;
  // A number parameter as text: its default.
  const text = /^string\((\w+)\)$/.exec(value)?.[1];
  const number = text && new RegExp(`^param ${text} int = (\\d+)$`, 'm').exec(read('azure.bicep'))?.[1];
  if (number) return number;
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
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'ApplicationInsightsAgent_EXTENSION_VERSION',
  'WEBSITE_SWAP_WARMUP_PING_PATH',
  'WEBSITE_SWAP_WARMUP_PING_STATUSES',
];
const projectFile = (path: string) => readFileSync(join(__dirname, '..', path), 'utf8');

describe('infra/azure.bicep', () => {
  it('declares the storage, network, identities, roles, Key Vault, App Service, web apps and Azure Bot with its Teams channel', () => {
    expect(bicep.resources.map((resource) => resource.type).sort()).toEqual(
      [
        ...Array<string>(6).fill('Microsoft.Authorization/roleAssignments'),
        'Microsoft.KeyVault/vaults',
        'Microsoft.KeyVault/vaults/secrets',
        'Microsoft.BotService/botServices',
        'Microsoft.BotService/botServices/channels',
        'Microsoft.ManagedIdentity/userAssignedIdentities',
        'Microsoft.ManagedIdentity/userAssignedIdentities',
        'Microsoft.Network/virtualNetworks',
        'Microsoft.Network/virtualNetworks/subnets',
        'Microsoft.Network/virtualNetworks/subnets',
        'Microsoft.Storage/storageAccounts',
        'Microsoft.Storage/storageAccounts/tableServices',
        'Microsoft.Storage/storageAccounts/blobServices',
        'Microsoft.Storage/storageAccounts/blobServices/containers',
        'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies',
        'Microsoft.Web/serverfarms',
        'Microsoft.Web/serverfarms',
        'Microsoft.Insights/autoscalesettings',
        'Microsoft.Insights/autoscalesettings',
        'Microsoft.OperationalInsights/workspaces',
        'Microsoft.Insights/components',
        'Microsoft.Insights/actionGroups',
        'Microsoft.Insights/metricAlerts',
        'Microsoft.Insights/metricAlerts',
        'Microsoft.Insights/scheduledQueryRules',
        'Microsoft.Authorization/locks',
        'Microsoft.Authorization/locks',
        'Microsoft.Web/sites',
        'Microsoft.Web/sites',
        ...Array<string>(4).fill('Microsoft.Web/sites/basicPublishingCredentialsPolicies'),
        'Microsoft.Web/sites/slots',
        'Microsoft.Web/sites/slots',
        'Microsoft.Web/sites/config',
        'Microsoft.Web/sites/config',
        ...Array<string>(4).fill('Microsoft.Web/sites/slots/basicPublishingCredentialsPolicies'),
      ].sort(),
    );
  });

  it('keeps backups immutable in a geo-redundant account, written by the tab alone', () => {
    expect(read('azure.bicep')).toMatch(/^param storageSku string = 'Standard_GZRS'$/m);
    expect(resource('backupContainer').body).toMatch(/name: 'crm-backups'/);
    expect(resource('backupImmutability').body).toMatch(
      /immutabilityPeriodSinceCreationInDays: backupRetentionDays[\s\S]*allowProtectedAppendWrites: false/,
    );
    expect(resource('tabBackups').body).toMatch(/scope: backupContainer/);
    expect(resource('tabBackups').body).toMatch(/tabIdentity\.properties\.principalId/);
    const loaded = loadTabConfig(environmentOf('tabApp'));
    expect(loaded.ok && loaded.config.backupEveryHours).toBe(24);
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
    [
      'tabTables',
      'tabApp',
      'tabIdentity',
      'tableDataContributorRoleId',
      '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
    ],
    [
      'tabQueues',
      'tabApp',
      'tabIdentity',
      'queueDataContributorRoleId',
      '974c5e8b-45b9-4653-ba55-5f855dd0fb88',
    ],
    [
      'botTables',
      'botApp',
      'botIdentity',
      'tableDataContributorRoleId',
      '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
    ],
    [
      'botQueues',
      'botApp',
      'botIdentity',
      'queueDataContributorRoleId',
      '974c5e8b-45b9-4653-ba55-5f855dd0fb88',
    ],
  ])(
    "gives %s to its own app's identity on the storage account",
    (symbol, app, identity, roleVar, roleId) => {
      const role = resource(symbol).body;
      expect(bicep.vars.get(roleVar)).toBe(`'${roleId}'`);
      expect(role).toMatch(/^\s+scope: storage$/m);
      expect(role).toContain(
        `roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', ${roleVar})`,
      );
      expect(role).toContain(`name: guid(storage.id, ${identity}.id, ${roleVar})`);
      expect(role).toMatch(new RegExp(`principalId: ${identity}\\.properties\\.principalId$`, 'm'));
      expect(webApp(app).body).toMatch(new RegExp(`dependsOn: \\[[^\\]]*${symbol}`));
    },
  );

  it.each([
    ['tabApp', 'tabIdentity'],
    ['botApp', 'botIdentity'],
  ])('runs %s as %s alone, named to DefaultAzureCredential, with the table endpoint', (app, identity) => {
    expect(webApp(app).body).toMatch(
      new RegExp(`userAssignedIdentities: \\{\\s+'\\$\\{${identity}\\.id\\}': \\{\\}\\s+\\}`),
    );
    expect(appSettings(app).get('AZURE_CLIENT_ID')).toBe(`${identity}.properties.clientId`);
    expect(appSettings(app).get('STORAGE_ACCOUNT_URL')).toBe('storageAccountUrl');
    const other = identity === 'tabIdentity' ? 'botIdentity' : 'tabIdentity';
    expect(webApp(app).body).not.toContain(other);
    expect(
      resourcesOf('Microsoft.ManagedIdentity/userAssignedIdentities')
        .map((r) => r.symbol)
        .sort(),
    ).toEqual(['botIdentity', 'tabIdentity']);
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
      expect(app).toMatch(/AppSettings = concat\(commonAppSettings,/);
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

  it("hands the bot its password as a Key Vault reference resolved with the bot's identity, never in clear", () => {
    expect(appSettings('botApp').get('BOT_PASSWORD')).toBe(
      "'@Microsoft.KeyVault(SecretUri=${botPasswordSecret.properties.secretUriWithVersion})'",
    );
    expect(webApp('botApp').body).toMatch(/keyVaultReferenceIdentity: botIdentity\.id$/m);
    expect(resource('botPasswordSecret').body).toMatch(/parent: vault\n/);
    expect(resource('botPasswordSecret').body).toMatch(/value: botAadAppClientSecret$/m);
    expect(resource('vault').body).toMatch(/enableRbacAuthorization: true$/m);
    const role = resource('botPasswordReader').body;
    expect(bicep.vars.get('keyVaultSecretsUserRoleId')).toBe("'4633458b-17de-408a-b874-0445c86b69e6'");
    // On the one secret, not the vault: a second secret later would not be readable by the bot either.
    expect(role).toMatch(/^\s+scope: botPasswordSecret$/m);
    expect(role).toMatch(/principalId: botIdentity\.properties\.principalId$/m);
    expect(webApp('botApp').body).toMatch(/dependsOn: \[[^\]]*botPasswordReader/);
    // The secure parameter reaches the vault and nothing else.
    const uses = read('azure.bicep').match(/\bbotAadAppClientSecret\b/g) ?? [];
    expect(uses).toHaveLength(2); // its declaration and the secret's value
  });

  it("gives the tab's identity no role on the Key Vault or its secret, and the tab no Key Vault reference", () => {
    const roles = resourcesOf('Microsoft.Authorization/roleAssignments');
    const tabRoles = roles.filter((role) => /principalId: tabIdentity\./.test(role.body));
    expect(tabRoles.map((role) => role.symbol).sort()).toEqual(['tabBackups', 'tabQueues', 'tabTables']);
    expect(tabRoles.every((role) => /^\s+scope: (storage|backupContainer)$/m.test(role.body))).toBe(true);
    const vaultRoles = roles.filter((role) => /^\s+scope: (vault|botPasswordSecret)$/m.test(role.body));
    expect(vaultRoles.map((role) => role.symbol)).toEqual(['botPasswordReader']);
    expect(webApp('tabApp').body).not.toMatch(/KeyVault|keyVaultReferenceIdentity/);
  });

  it('keeps the Key Vault recoverable: soft delete with purge protection on', () => {
    expect(resource('vault').body).toMatch(/^\s+enablePurgeProtection: true$/m);
    expect(resource('vault').body).toMatch(/^\s+softDeleteRetentionInDays: 7$/m);
  });

  it.each(['storage', 'vault'])(
    "lets %s answer only the apps' subnet: default deny, no IP rule, no bypass",
    (symbol) => {
      const body = resource(symbol).body;
      expect(body).toMatch(/^\s+publicNetworkAccess: 'Enabled'$/m);
      const acls = body.slice(body.indexOf('networkAcls: {'));
      expect(acls).toMatch(/^\s+defaultAction: 'Deny'$/m);
      expect(acls).toMatch(/^\s+bypass: 'None'$/m);
      expect(acls).toMatch(/^\s+ipRules: \[\]$/m);
      expect([...acls.matchAll(/^\s+id: (\S+)$/gm)].map((m) => m[1])).toEqual([
        'tabSubnet.id',
        'botSubnet.id',
      ]);
    },
  );

  it('gives each app its own plan and its own delegated subnet with service endpoints for storage and Key Vault', () => {
    const vnet = resource('vnet').body;
    for (const [app, name] of [
      ['tabApp', 'tab'],
      ['botApp', 'bot'],
    ] as const) {
      expect(vnet).toMatch(
        new RegExp(`name: '${name}'\\n\\s+properties: \\{\\n\\s+addressPrefix: ${name}SubnetPrefix`),
      );
      expect(resource(`${name}Subnet`).body).toMatch(new RegExp(`parent: vnet\\n\\s+name: '${name}'`));
      expect(webApp(app).body).toMatch(new RegExp(`^\\s+virtualNetworkSubnetId: ${name}Subnet\\.id$`, 'm'));
      expect(webApp(app).body).toMatch(new RegExp(`^\\s+serverFarmId: ${name}Plan\\.id$`, 'm'));
      // Calls to Entra and the Bot Connector keep App Service's own way out.
      expect(webApp(app).body).toMatch(/^\s+vnetRouteAllEnabled: false$/m);
      expect(resource(`${name}Autoscale`).body).toMatch(new RegExp(`targetResourceUri: ${name}Plan\\.id`));
    }
    expect(vnet.match(/serviceName: 'Microsoft.Web\/serverFarms'/g)).toHaveLength(2);
    expect([...vnet.matchAll(/service: '([^']+)'/g)].map((m) => m[1])).toEqual([
      'Microsoft.Storage',
      'Microsoft.KeyVault',
      'Microsoft.Storage',
      'Microsoft.KeyVault',
    ]);
  });

  it.each(['tabApp', 'botApp'])('turns basic publishing credentials (FTP and SCM) off on %s', (app) => {
    const policies = resourcesOf('Microsoft.Web/sites/basicPublishingCredentialsPolicies').filter((policy) =>
      new RegExp(`parent: ${app}\\n`).test(policy.body),
    );
    expect(policies.map((policy) => /name: '(\w+)'/.exec(policy.body)?.[1]).sort()).toEqual(['ftp', 'scm']);
    expect(policies.every((policy) => /^\s+allow: false$/m.test(policy.body))).toBe(true);
    expect(webApp(app).body).toMatch(/ftpsState: 'Disabled'/);
  });

  it("tells the tab it runs behind one proxy (App Service's front end), so each client has its own rate limit", () => {
    expect(appSettings('tabApp').get('TRUST_PROXY')).toBe('trustProxyHops');
    expect(bicep.vars.get('trustProxyHops')).toBe("'1'");
    const loaded = loadTabConfig(environmentOf('tabApp'));
    expect(loaded.ok && loaded.config.trustProxy).toBe(1);
  });

  it('uses every parameter it declares', () => {
    const text = read('azure.bicep');
    const unused = [...bicep.params.keys()].filter(
      (name) => (text.match(new RegExp(`\\b${name}\\b`, 'g')) ?? []).length < 2,
    );
    expect(unused).toEqual([]);
  });

  it('defaults to production: Premium v3 over zones with 3 instances and autoscale, Azure Bot S1, locks, Application Insights and alerts', () => {
    const text = read('azure.bicep');
    expect(text).toMatch(/^param webAppSku string = 'P1v3'$/m);
    expect(text).toMatch(/^param appInstanceCount int = 3$/m);
    expect(text).toMatch(/^param zoneRedundant bool = true$/m);
    expect(text).toMatch(/^param botServiceSku string = 'S1'$/m);
    expect(text).toMatch(/^param lockResources bool = true$/m);
    for (const plan of ['tabPlan', 'botPlan'])
      expect(resource(plan).body).toMatch(/^\s+zoneRedundant: zoneRedundant$/m);
    for (const autoscale of ['tabAutoscale', 'botAutoscale'])
      expect(resource(autoscale).body).toMatch(/minimum: string\(appInstanceCount\)/);
    expect(resource('insights').body).toMatch(/WorkspaceResourceId: logs\.id/);
    expect(appSettings('tabApp').get('APPLICATIONINSIGHTS_CONNECTION_STRING')).toBe(
      'insights.properties.ConnectionString',
    );
    expect(appSettings('botApp').get('APPLICATIONINSIGHTS_CONNECTION_STRING')).toBe(
      'insights.properties.ConnectionString',
    );
    expect(resource('serverErrorsAlert').body).toMatch(/metricName: 'Http5xx'/);
    expect(resource('throttlingAlert').body).toMatch(/'ServerBusyError'/);
    expect(resource('relayLagAlert').body).toMatch(/crm\.relay\.lag[\s\S]*threshold: 300000/);
    for (const lock of ['storageLock', 'vaultLock']) {
      expect(resource(lock).body).toMatch(/level: 'CanNotDelete'/);
    }
    expect(text).toMatch(/^resource storageLock '[^']+' = if \(lockResources\) \{$/m);
  });

  it.each([
    ['tabApp', 'tabStaging', 'tabStickySettings', '/readyz'],
    ['botApp', 'botStaging', 'botStickySettings', '/healthz'],
  ])(
    'gives %s a staging slot to swap from: same plan, identity, subnet, health check and settings; warmed up; its name sticky',
    (production, staging, sticky, warmUp) => {
      const text = read('azure.bicep');
      expect(text).toMatch(/^param stagingSlot bool = true$/m);
      expect(text).toMatch(new RegExp(`^resource ${staging} '[^']+' = if \\(stagingSlot\\) \\{$`, 'm'));
      const slot = webApp(staging).body;
      const app = webApp(production).body;
      expect(slot).toMatch(new RegExp(`^\\s+parent: ${production}$`, 'm'));
      expect(slot).toMatch(/^\s+name: 'staging'$/m);
      // What production has, the slot has: the swap must not change how the app runs.
      for (const line of [
        /serverFarmId: (tab|bot)Plan\.id/,
        /virtualNetworkSubnetId: (tab|bot)Subnet\.id/,
        /userAssignedIdentities: \{\s+'\$\{(tab|bot)Identity\.id\}': \{\}/,
        /healthCheckPath: '\/healthz'/,
        /httpsOnly: true/,
        /clientAffinityEnabled: false/,
      ]) {
        expect(app.match(line)?.[0]).toBeDefined();
        expect(slot.match(line)?.[0]).toBe(app.match(line)?.[0]);
      }
      expect(resource(production).body).toMatch(
        new RegExp(`siteConfig: union\\(${production.slice(0, 3)}SiteConfig, \\{`),
      );
      expect(resource(staging).body).toMatch(
        new RegExp(`siteConfig: union\\(${production.slice(0, 3)}SiteConfig, \\{`),
      );
      const settings = (symbol: string) =>
        /appSettings: concat\(([^\n]+)\n\s+slotSetting\('(\w+)'\)/.exec(resource(symbol).body)?.slice(1);
      const base = `${production.slice(0, 3)}AppSettings, ${production.slice(0, 3)}SwapSettings, [`;
      expect(settings(production)).toEqual([base, 'production']);
      expect(settings(staging)).toEqual([base, 'staging']);
      expect(appSettings(production).get('WEBSITE_SWAP_WARMUP_PING_PATH')).toBe(`'${warmUp}'`);
      expect(appSettings(production).get('WEBSITE_SWAP_WARMUP_PING_STATUSES')).toBe("'200'");
      // The one setting that differs between the slots stays with its slot through a swap.
      expect(resource(sticky).body).toMatch(
        new RegExp(`parent: ${production}\\n\\s+name: 'slotConfigNames'`),
      );
      expect(resource(sticky).body).toMatch(/appSettingNames: stickySettingNames/);
      expect(varText('stickySettingNames')).toContain("'OTEL_RESOURCE_ATTRIBUTES'");
      expect(text).toMatch(
        /name: 'OTEL_RESOURCE_ATTRIBUTES'\n\s+value: 'deployment\.environment\.name=\$\{slot\}'/,
      );
      // Deploying to the slot uses Entra ID only, as to production.
      const policies = resourcesOf('Microsoft.Web/sites/slots/basicPublishingCredentialsPolicies').filter(
        (p) => new RegExp(`parent: ${staging}\\n`).test(p.body),
      );
      expect(policies.map((p) => /name: '(\w+)'/.exec(p.body)?.[1]).sort()).toEqual(['ftp', 'scm']);
      expect(policies.every((p) => /allow: false/.test(p.body))).toBe(true);
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
