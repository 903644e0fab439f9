import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    PUBLIC_URL: z.url().optional(),
    DATA_DIR: z.string().default('./data'),
    DATABASE_URL: z.url().optional(),
    DATABASE_APP_URL: z.url().optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SEED_DEMO: bool.optional(),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    SESSION_ABSOLUTE_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 7)
      .default(12),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_LOCK_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(60),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default('Baken <no-reply@baken.example>'),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().optional(),
    OIDC_CLIENT_SECRET: z.string().optional(),
    OIDC_LABEL: z.string().default('Vlaamse overheid (ACM/IDM)'),
    OIDC_SCOPES: z.string().default('openid email profile'),
    OIDC_ALLOW_HTTP: bool.default(false),
    WEB_DIST: z.string().optional(),
    /** Proxies in front of Baken whose X-Forwarded-For is believed: a hop count or addresses. */
    TRUST_PROXY: z
      .string()
      .default('0')
      .transform((v): number | string[] => (/^\d+$/.test(v) ? Number(v) : v.split(',').map((x) => x.trim()))),
    /** Server processes on PostgreSQL (one per core is typical); PGlite always runs one. */
    WORKERS: z.coerce.number().int().min(1).max(64).default(1),
    AUTH_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
    /** How often the monitoring recomputes the indicators of besturen whose data changed; 0: never. */
    INDICATOR_REFRESH_SECONDS: z.coerce.number().min(0).max(3600).default(5),
  })
  .superRefine((c, ctx) => {
    const oidc = [c.OIDC_ISSUER, c.OIDC_CLIENT_ID, c.OIDC_CLIENT_SECRET].filter(Boolean).length;
    if (oidc > 0 && oidc < 3) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together',
      });
    }
    if (c.NODE_ENV === 'production' && !c.PUBLIC_URL) {
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'PUBLIC_URL is required in production' });
    }
    if (c.NODE_ENV === 'production' && !c.SMTP_URL) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'SMTP_URL is required in production' });
    }
    if (c.DATABASE_APP_URL && !c.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_APP_URL'], message: 'DATABASE_APP_URL needs DATABASE_URL' });
    }
  });

export type Config = ReturnType<typeof finish>;

function finish(c: z.infer<typeof ConfigSchema>) {
  return {
    ...c,
    production: c.NODE_ENV === 'production',
    // npm runs workspace scripts in the workspace folder; paths are meant from where the user typed.
    dataDir: path.resolve(process.env.INIT_CWD ?? process.cwd(), c.DATA_DIR),
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    seedDemo: c.NODE_ENV !== 'production' && (c.SEED_DEMO ?? true),
    oidcEnabled: Boolean(c.OIDC_ISSUER),
  };
}

export class ConfigError extends Error {}

/** Reads and checks the environment; a wrong setting stops the start with a list of what is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = ConfigSchema.safeParse(clean);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(config)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return finish(parsed.data);
}
