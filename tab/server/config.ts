import { z } from 'zod';
import { isLoopback, readEnvironment, storageOrIssue, type EnvironmentResult } from '@crm/shared/runtime';
import { PUBLIC_AUTHORITY_HOST } from './auth/token-verifier';

/** Entra's authority hosts: public cloud, US Government (GCC High, DoD), China (21Vianet). */
const AUTHORITY_HOSTS = [
  PUBLIC_AUTHORITY_HOST,
  'https://login.microsoftonline.us',
  'https://login.partner.microsoftonline.cn',
] as const;

const flag = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

const EnvSchema = z
  .object({
    TAB_PORT: z.coerce.number().int().min(0).max(65_535).default(53_000),
    HOST: z.string().min(1).default('127.0.0.1'),
    AUTH_MODE: z.enum(['dev', 'entra']).optional(),
    AAD_APP_CLIENT_ID: z.string().trim().min(1).optional(),
    /** A tenant GUID: the Entra app is single-tenant, so `common`/`organizations` are refused. */
    AAD_APP_TENANT_ID: z
      .string()
      .trim()
      .refine((t) => !/^(common|organizations|consumers)$/i.test(t), 'one tenant, not a multi-tenant alias')
      .optional(),
    AAD_APP_OAUTH_AUTHORITY_HOST: z
      .string()
      .trim()
      .transform((host) => host.replace(/\/+$/, '').toLowerCase())
      .pipe(
        z.enum(AUTHORITY_HOSTS, {
          message: `one of ${AUTHORITY_HOSTS.join(', ')} (the clouds whose token issuers we check)`,
        }),
      )
      .default(PUBLIC_AUTHORITY_HOST),
    /** The tab's host name (`TAB_DOMAIN` of teamsapp.yml), else the host of `TAB_ENDPOINT`: its app id URI. */
    TAB_DOMAIN: z
      .string()
      .trim()
      .regex(/^[a-z0-9.-]+(:\d+)?$/i, 'a host name')
      .optional(),
    TAB_ENDPOINT: z.url().optional(),
    STORAGE_CONNECTION_STRING: z.string().min(1).optional(),
    STORAGE_ACCOUNT_URL: z.url().optional(),
    TABLE_PREFIX: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9]{0,19}$/, 'letters and digits, starting with a letter, at most 20')
      .default('crm'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SEED_DEMO_DATA: flag,
    /**
     * The Bot Connector the seeded demo team's channel is reached through: the Agents Playground's
     * (`npm start` sets it from PLAYGROUND_PORT). Loopback only, as the bot without a bot id accepts.
     */
    DEMO_TEAMS_SERVICE_URL: z
      .url()
      .refine(
        (url) => isLoopback(new URL(url).hostname.replace(/^\[|\]$/g, '')),
        'a loopback URL (the local Agents Playground)',
      )
      .optional(),
    /** Files the server keeps (uploaded CSV imports until their job ends); `npm start` passes an absolute path. */
    DATA_DIR: z.string().min(1).default('.data'),
    /** Requests per user per minute before 429; bulk work (imports, seeding scripts) wants headroom. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(3_000),
    /**
     * `production`: serve only a browser bundle built ahead of time, never build one on demand, and
     * never offer development sign-in.
     */
    NODE_ENV: z.string().optional(),
    /**
     * A prebuilt browser bundle to serve instead of building one on demand (in production: where it
     * is, by default `public/` beside the deploy artifact's server).
     */
    TAB_ASSETS_DIR: z.string().min(1).optional(),
    /** Requests per client address per minute before sign-in (bad tokens count too). */
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(6_000),
    /**
     * Express `trust proxy`: the hop count, or the proxies' addresses/subnets/preset names, whose
     * X-Forwarded-For names the client. Unset: no proxy is believed. `true` (believe anyone) is refused.
     */
    TRUST_PROXY: z
      .string()
      .trim()
      .refine((v) => !/^(true|false)$/i.test(v), "a hop count or the proxies' addresses, not true/false")
      .refine((v) => /^\d+$/.test(v) || /^[A-Za-z0-9.:/ ,]+$/.test(v), 'a hop count or addresses/subnets')
      .transform((v): number | string => (/^\d+$/.test(v) ? Number(v) : v))
      .optional(),
    /** Disk that uploaded and queued CSV imports may take together, in MB (429 IMPORT.SPOOL_FULL beyond). */
    IMPORT_SPOOL_LIMIT_MB: z.coerce.number().int().min(1).max(1_000_000).default(1_024),
    /**
     * How often every workspace is backed up to Blob Storage (the storage account's blob endpoint,
     * container crm-backups), once per period whatever the instance count; 0 turns it off.
     */
    BACKUP_EVERY_HOURS: z.coerce
      .number()
      .min(0)
      .max(24 * 31)
      .default(24),
    /**
     * How long an import job's lease lasts unless its instance renews it (every third of it): a job
     * whose instance died is resumed by another within about this long (tests shorten it).
     */
    IMPORT_LEASE_SECONDS: z.coerce.number().min(0.3).max(3600).default(60),
    /** Workspaces one person may create (409 WORKSPACE.LIMIT_REACHED beyond); shared's default when unset. */
    WORKSPACES_PER_USER: z.coerce.number().int().min(1).max(100_000).optional(),
  })
  .transform((env, ctx) => {
    const authMode = env.AUTH_MODE ?? (env.AAD_APP_CLIENT_ID ? 'entra' : 'dev');
    if (authMode === 'entra' && !env.AAD_APP_CLIENT_ID) {
      ctx.addIssue({ code: 'custom', path: ['AAD_APP_CLIENT_ID'], message: 'required when AUTH_MODE=entra' });
    }
    if (authMode === 'entra' && !env.AAD_APP_TENANT_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['AAD_APP_TENANT_ID'],
        message:
          'required when AUTH_MODE=entra: the app is single-tenant, tokens of other tenants are refused',
      });
    }
    if (authMode === 'dev' && env.NODE_ENV === 'production') {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_MODE'],
        message:
          'AUTH_MODE=dev hands out tokens to anyone who asks; a production build (NODE_ENV=production, as every deploy artifact is) refuses it',
      });
    }
    if (authMode === 'dev' && !isLoopback(env.HOST)) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_MODE'],
        message: `AUTH_MODE=dev hands out tokens to anyone who asks; it is refused unless HOST is loopback (got ${env.HOST})`,
      });
    }
    const storage = storageOrIssue(env, ctx);
    if (!storage) return z.NEVER;
    const tabDomain = env.TAB_DOMAIN ?? (env.TAB_ENDPOINT ? new URL(env.TAB_ENDPOINT).host : undefined);
    return {
      port: env.TAB_PORT,
      host: env.HOST,
      auth: {
        mode: authMode,
        // Dev tokens carry an audience too, so that they pass the very checks Entra tokens pass.
        clientId: env.AAD_APP_CLIENT_ID ?? DEV_CLIENT_ID,
        ...(env.AAD_APP_TENANT_ID ? { tenantId: env.AAD_APP_TENANT_ID } : {}),
        authorityHost: env.AAD_APP_OAUTH_AUTHORITY_HOST,
        ...(env.AAD_APP_CLIENT_ID && tabDomain
          ? { appIdUri: `api://${tabDomain.toLowerCase()}/${env.AAD_APP_CLIENT_ID}` }
          : {}),
      },
      storage,
      tablePrefix: env.TABLE_PREFIX,
      logLevel: env.LOG_LEVEL,
      seedDemoData: env.SEED_DEMO_DATA,
      ...(env.DEMO_TEAMS_SERVICE_URL ? { demoTeamsServiceUrl: env.DEMO_TEAMS_SERVICE_URL } : {}),
      dataDir: env.DATA_DIR,
      spoolLimitBytes: env.IMPORT_SPOOL_LIMIT_MB * 1024 * 1024,
      backupEveryHours: env.BACKUP_EVERY_HOURS,
      importLeaseMs: Math.round(env.IMPORT_LEASE_SECONDS * 1000),
      limits: env.WORKSPACES_PER_USER ? { workspacesPerUser: env.WORKSPACES_PER_USER } : {},
      rateLimit: { windowMs: 60_000, limit: env.RATE_LIMIT_PER_MINUTE },
      bundle:
        env.NODE_ENV === 'production' || env.TAB_ASSETS_DIR
          ? { mode: 'prebuilt' as const, ...(env.TAB_ASSETS_DIR ? { dir: env.TAB_ASSETS_DIR } : {}) }
          : { mode: 'on-demand' as const },
      addressRateLimit: { windowMs: 60_000, limit: env.RATE_LIMIT_PER_ADDRESS_PER_MINUTE },
      trustProxy: env.TRUST_PROXY ?? (false as const),
    };
  });

export const DEV_CLIENT_ID = 'pipeline-crm-dev';

export type ServerConfig = z.output<typeof EnvSchema>;

export type ConfigResult = EnvironmentResult<ServerConfig>;

/** Reads and validates the environment once; the composition root passes the result down. */
export const loadConfig = (env: NodeJS.ProcessEnv): ConfigResult => readEnvironment(EnvSchema, env);
