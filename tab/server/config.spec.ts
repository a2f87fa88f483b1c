import { loadConfig } from './config';

const storage = { STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' };
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const entra = { AAD_APP_CLIENT_ID: 'client', AAD_APP_TENANT_ID: TENANT };

describe('loadConfig', () => {
  it('applies the defaults: port 53000 on loopback, dev sign-in without an Entra app', () => {
    const loaded = loadConfig(storage);
    expect(loaded).toEqual({
      ok: true,
      config: expect.objectContaining({
        port: 53000,
        host: '127.0.0.1',
        auth: {
          mode: 'dev',
          clientId: 'pipeline-crm-dev',
          authorityHost: 'https://login.microsoftonline.com',
        },
        storage: { connectionString: 'UseDevelopmentStorage=true' },
        tablePrefix: 'crm',
        logLevel: 'info',
        seedDemoData: false,
        dataDir: '.data',
        spoolLimitBytes: 1024 * 1024 * 1024,
        backupEveryHours: 24,
        limits: {},
      }),
    });
  });

  it('reads Entra settings, a managed-identity account URL and the seed flag', () => {
    const loaded = loadConfig({
      ...entra,
      STORAGE_ACCOUNT_URL: 'https://acct.table.core.windows.net',
      HOST: '0.0.0.0',
      TAB_PORT: '8080',
      SEED_DEMO_DATA: 'true',
      IMPORT_SPOOL_LIMIT_MB: '200',
      WORKSPACES_PER_USER: '5',
    });
    expect(loaded.ok && loaded.config).toMatchObject({
      port: 8080,
      auth: {
        mode: 'entra',
        clientId: 'client',
        tenantId: TENANT,
        authorityHost: 'https://login.microsoftonline.com',
      },
      storage: { accountUrl: 'https://acct.table.core.windows.net' },
      seedDemoData: true,
      spoolLimitBytes: 200 * 1024 * 1024,
      backupEveryHours: 24,
      limits: { workspacesPerUser: 5 },
    });
  });

  it('serves a prebuilt browser bundle when TAB_ASSETS_DIR names one, also outside production', () => {
    expect(loadConfig({ ...storage, TAB_ASSETS_DIR: '/tmp/bench/public' })).toMatchObject({
      config: { bundle: { mode: 'prebuilt', dir: '/tmp/bench/public' } },
    });
  });

  it('builds the browser bundle on demand except in production, where only a prebuilt one is served', () => {
    expect(loadConfig(storage).ok && loadConfig(storage)).toMatchObject({
      config: { bundle: { mode: 'on-demand' } },
    });
    expect(loadConfig({ ...storage, ...entra, NODE_ENV: 'production' })).toMatchObject({
      config: { bundle: { mode: 'prebuilt' } },
    });
    expect(
      loadConfig({ ...storage, ...entra, NODE_ENV: 'production', TAB_ASSETS_DIR: '/srv/public' }),
    ).toMatchObject({
      config: { bundle: { mode: 'prebuilt', dir: '/srv/public' } },
    });
  });

  it.each([
    [
      'dev sign-in in a production build (every deploy artifact is one)',
      { ...storage, AUTH_MODE: 'dev', NODE_ENV: 'production' },
      /AUTH_MODE.*production/,
    ],
    [
      'dev sign-in on a public interface',
      { ...storage, AUTH_MODE: 'dev', HOST: '0.0.0.0' },
      /AUTH_MODE.*loopback/,
    ],
    ['entra without a client id', { ...storage, AUTH_MODE: 'entra' }, /AAD_APP_CLIENT_ID/],
    [
      'entra without a tenant id (the app is single-tenant)',
      { ...storage, AAD_APP_CLIENT_ID: 'client' },
      /AAD_APP_TENANT_ID.*required/,
    ],
    [
      "entra with 'common' for a tenant",
      { ...storage, AAD_APP_CLIENT_ID: 'client', AAD_APP_TENANT_ID: 'common' },
      /AAD_APP_TENANT_ID/,
    ],
    [
      'an authority host we cannot check tokens for',
      { ...storage, ...entra, AAD_APP_OAUTH_AUTHORITY_HOST: 'https://login.evil.example' },
      /AAD_APP_OAUTH_AUTHORITY_HOST/,
    ],
    ['no storage', {}, /STORAGE_CONNECTION_STRING/],
    ['a port out of range', { ...storage, TAB_PORT: '70000' }, /TAB_PORT/],
    ['an unknown auth mode', { ...storage, AUTH_MODE: 'none' }, /AUTH_MODE/],
    [
      'a demo team whose channel is reached through a machine other than this one (the bot would post there)',
      { ...storage, DEMO_TEAMS_SERVICE_URL: 'http://playground.example:56150/_connector' },
      /DEMO_TEAMS_SERVICE_URL.*loopback/,
    ],
  ])('refuses %s', (_, env, message) => {
    const loaded = loadConfig(env);
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.problems.join('\n')).toMatch(message);
  });

  it("seeds the demo team's channel with the local Agents Playground's connector when given", () => {
    expect(loadConfig(storage)).toMatchObject({ config: { seedDemoData: false } });
    expect(loadConfig(storage).ok && loadConfig(storage)).not.toHaveProperty('config.demoTeamsServiceUrl');
    for (const url of [
      'http://127.0.0.1:56150/_connector',
      'http://localhost:1/_connector',
      'http://[::1]:2/x',
    ]) {
      expect(loadConfig({ ...storage, DEMO_TEAMS_SERVICE_URL: url })).toMatchObject({
        config: { demoTeamsServiceUrl: url },
      });
    }
  });

  it("honours a sovereign cloud's authority host and the tab's own app id URI", () => {
    const loaded = loadConfig({
      ...storage,
      ...entra,
      AAD_APP_OAUTH_AUTHORITY_HOST: 'https://login.microsoftonline.us/',
      TAB_DOMAIN: 'crm.contoso.us',
    });
    expect(loaded.ok && loaded.config.auth).toEqual({
      mode: 'entra',
      clientId: 'client',
      tenantId: TENANT,
      authorityHost: 'https://login.microsoftonline.us',
      appIdUri: 'api://crm.contoso.us/client',
    });
  });

  it('uses dev sign-in beside an Entra app only when asked for explicitly', () => {
    const loaded = loadConfig({ ...storage, ...entra });
    expect(loaded.ok && loaded.config.auth.mode).toBe('entra');
    const asked = loadConfig({ ...storage, ...entra, AUTH_MODE: 'dev' });
    expect(asked.ok && asked.config.auth.mode).toBe('dev');
  });

  it('trusts no proxy unless told which, and limits each client address before sign-in', () => {
    const plain = loadConfig(storage);
    expect(plain.ok && plain.config).toMatchObject({
      trustProxy: false,
      addressRateLimit: { windowMs: 60_000, limit: 6_000 },
    });
    const behind = (TRUST_PROXY: string) => {
      const loaded = loadConfig({ ...storage, TRUST_PROXY, RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100' });
      return loaded.ok ? loaded.config : loaded.problems.join('\n');
    };
    expect(behind('1')).toMatchObject({ trustProxy: 1, addressRateLimit: { limit: 100 } });
    expect(behind('loopback, 10.0.0.0/8')).toMatchObject({ trustProxy: 'loopback, 10.0.0.0/8' });
    // "true" would believe any client's X-Forwarded-For: name the proxies or count the hops instead.
    expect(behind('true')).toMatch(/TRUST_PROXY/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ ...storage, AAD_APP_CLIENT_ID: '', AUTH_MODE: '' }).ok).toBe(true);
  });
});
