import { loadConfig } from './config';

const STORAGE = { STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' };

describe('loadConfig', () => {
  it('given only storage, then local defaults: port 3978 on 127.0.0.1, prefix crm, unauthenticated', () => {
    const loaded = loadConfig(STORAGE);
    expect(loaded).toEqual({
      ok: true,
      config: {
        port: 3978,
        host: '127.0.0.1',
        bot: undefined,
        storage: { connectionString: 'UseDevelopmentStorage=true' },
        tablePrefix: 'crm',
        logLevel: 'info',
        metrics: 'open',
        links: {},
      },
    });
  });

  it('given the tab’s URL and the Teams app id, then cards link to records (a bad one is refused)', () => {
    const loaded = loadConfig({
      ...STORAGE,
      TAB_ENDPOINT: 'https://crm.example',
      TEAMS_APP_ID: '6f1c2f59-8e0a-4a8e-9a8e-3d7b2f1c4e55',
    });
    expect(loaded.ok && loaded.config.links).toEqual({
      tabUrl: 'https://crm.example',
      teamsAppId: '6f1c2f59-8e0a-4a8e-9a8e-3d7b2f1c4e55',
    });
    expect(loadConfig({ ...STORAGE, TEAMS_APP_ID: 'my-app' })).toEqual({
      ok: false,
      problems: [expect.stringContaining('TEAMS_APP_ID')],
    });
  });

  it('given BOT_ID, password and tenant, then a single-tenant bot on any host', () => {
    const loaded = loadConfig({
      ...STORAGE,
      HOST: '0.0.0.0',
      BOT_PORT: '4000',
      BOT_ID: 'app-id',
      BOT_PASSWORD: 'secret',
      BOT_TENANT_ID: 'tenant-1',
    });
    expect(loaded.ok && loaded.config.bot).toEqual({
      appId: 'app-id',
      password: 'secret',
      tenantId: 'tenant-1',
    });
    expect(loaded.ok && loaded.config.port).toBe(4000);
    // Reachable from anywhere now: readiness and metrics are off without a key.
    expect(loaded.ok && loaded.config.metrics).toBe('off');
    const keyed = loadConfig({
      ...STORAGE,
      BOT_ID: 'app-id',
      BOT_PASSWORD: 'secret',
      BOT_TENANT_ID: 'tenant-1',
      BOT_METRICS_KEY: 'k'.repeat(32),
    });
    expect(keyed.ok && keyed.config.metrics).toEqual({ key: 'k'.repeat(32) });
  });

  it.each([
    [{ HOST: '0.0.0.0' }, /BOT_ID: .*refused unless HOST is loopback/],
    [{ HOST: '0.0.0.0', BOT_ID: '' }, /BOT_ID: .*refused unless HOST is loopback/],
    [{ BOT_ID: 'app-id', BOT_PASSWORD: 'x' }, /BOT_TENANT_ID: required/],
    [{ BOT_ID: 'app-id', BOT_TENANT_ID: 't' }, /BOT_PASSWORD: required/],
    [{ BOT_PORT: 'abc' }, /BOT_PORT/],
    [{ TABLE_PREFIX: '1bad' }, /TABLE_PREFIX/],
    [{ BOT_METRICS_KEY: 'short' }, /BOT_METRICS_KEY: at least 32 characters/],
  ])('given %j, then it refuses with a reason', (env, reason) => {
    const loaded = loadConfig({ ...STORAGE, ...env });
    expect(loaded.ok).toBe(false);
    expect(loaded.ok ? '' : loaded.problems.join('\n')).toMatch(reason);
  });

  it('given no storage at all, then it says what to set', () => {
    const loaded = loadConfig({});
    expect(loaded.ok ? '' : loaded.problems.join('\n')).toMatch(
      /STORAGE_CONNECTION_STRING.*STORAGE_ACCOUNT_URL/,
    );
  });

  it('given a storage account URL, then managed identity storage', () => {
    const loaded = loadConfig({ STORAGE_ACCOUNT_URL: 'https://acct.table.core.windows.net' });
    expect(loaded.ok && loaded.config.storage).toEqual({ accountUrl: 'https://acct.table.core.windows.net' });
  });
});
