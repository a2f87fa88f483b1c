import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['localhost', '::1', '[::1]']);

/** True for the hosts only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(host);
}

/** An exported-but-empty variable means "not set". */
const withoutEmpty = (env: unknown): unknown =>
  Object.fromEntries(Object.entries(env as Record<string, unknown>).filter(([, value]) => value !== ''));

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
    const storage = env.STORAGE_CONNECTION_STRING
      ? ({ connectionString: env.STORAGE_CONNECTION_STRING } as const)
      : env.STORAGE_ACCOUNT_URL
        ? ({ accountUrl: env.STORAGE_ACCOUNT_URL } as const)
        : undefined;
    if (!storage) {
      ctx.addIssue({
        code: 'custom',
        path: ['STORAGE_CONNECTION_STRING'],
        message: 'set STORAGE_CONNECTION_STRING, or STORAGE_ACCOUNT_URL with a managed identity',
      });
      return z.NEVER;
    }
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
    };
  });

export type BotConfig = z.output<typeof EnvSchema>;
export type BotCredentials = NonNullable<BotConfig['bot']>;

export type ConfigResult = { ok: true; config: BotConfig } | { ok: false; problems: string[] };

/** Reads and validates the environment once; the composition root passes the result down. */
export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const parsed = EnvSchema.safeParse(withoutEmpty(env));
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`,
    ),
  };
}
