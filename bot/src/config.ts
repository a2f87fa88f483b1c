import { z } from 'zod';
import { isLoopback, readEnvironment, storageOrIssue, type EnvironmentResult } from '@crm/shared/runtime';

const EnvSchema = z
  .object({
    BOT_PORT: z.coerce.number().int().min(0).max(65_535).default(3978),
    HOST: z.string().min(1).default('127.0.0.1'),
    BOT_ID: z.string().trim().min(1).optional(),
    BOT_PASSWORD: z.string().min(1).optional(),
    BOT_TENANT_ID: z.string().trim().min(1).optional(),
    STORAGE_CONNECTION_STRING: z.string().min(1).optional(),
    STORAGE_ACCOUNT_URL: z.url().optional(),
    TABLE_PREFIX: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9]{0,19}$/, 'letters and digits, starting with a letter, at most 20')
      .default('crm'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** The tab's public URL: cards link to records there ("Open in Pipeline CRM"). */
    TAB_ENDPOINT: z.url().optional(),
    /** The Teams app's id (the manifest's): with it, those links are Teams deep links into the tab. */
    TEAMS_APP_ID: z.uuid().optional(),
    /** The bearer key `/readyz` and `/metrics` want; at least 32 characters. */
    BOT_METRICS_KEY: z.string().trim().min(32, 'at least 32 characters').optional(),
  })
  .transform((env, ctx) => {
    if (!env.BOT_ID && !isLoopback(env.HOST)) {
      ctx.addIssue({
        code: 'custom',
        path: ['BOT_ID'],
        message: `without BOT_ID the bot accepts unauthenticated activities; that is refused unless HOST is loopback (got ${env.HOST})`,
      });
    }
    if (env.BOT_ID && !env.BOT_TENANT_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['BOT_TENANT_ID'],
        message: 'required with BOT_ID (single-tenant bot)',
      });
    }
    if (env.BOT_ID && !env.BOT_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['BOT_PASSWORD'], message: 'required with BOT_ID' });
    }
    const storage = storageOrIssue(env, ctx);
    if (!storage) return z.NEVER;
    return {
      port: env.BOT_PORT,
      host: env.HOST,
      /** Absent: local runs only, unauthenticated (the Bot Framework Emulator's way). */
      bot: env.BOT_ID
        ? { appId: env.BOT_ID, password: env.BOT_PASSWORD ?? '', tenantId: env.BOT_TENANT_ID ?? '' }
        : undefined,
      storage,
      tablePrefix: env.TABLE_PREFIX,
      logLevel: env.LOG_LEVEL,
      metrics: metricsAccess(env.BOT_METRICS_KEY, Boolean(env.BOT_ID)),
      links: {
        ...(env.TAB_ENDPOINT ? { tabUrl: env.TAB_ENDPOINT } : {}),
        ...(env.TEAMS_APP_ID ? { teamsAppId: env.TEAMS_APP_ID } : {}),
      },
    };
  });

/**
 * Who may read `/readyz` and `/metrics` (the relay's counters and lag): with BOT_METRICS_KEY, whoever
 * sends it as a bearer token; without, nobody once the bot is authenticated (`off`: it is reachable
 * from the internet), and anyone in local runs (`open`: without BOT_ID it listens on loopback only).
 * `/healthz` is the health check's and always answers.
 */
export type MetricsAccess = { readonly key: string } | 'open' | 'off';

function metricsAccess(key: string | undefined, authenticated: boolean): MetricsAccess {
  if (key) return { key };
  return authenticated ? 'off' : 'open';
}

export type BotConfig = z.output<typeof EnvSchema>;
export type BotCredentials = NonNullable<BotConfig['bot']>;

export type ConfigResult = EnvironmentResult<BotConfig>;

/** Reads and validates the environment once; the composition root passes the result down. */
export const loadConfig = (env: NodeJS.ProcessEnv): ConfigResult => readEnvironment(EnvSchema, env);
