import type { BlockList } from 'node:net';
import { z } from 'zod';
import { trustedProxyList } from './trusted-proxies.ts';
import { DEV_DATABASE_URL, DEV_DEFAULTS } from './dev-defaults.ts';
import { JwtSecretError, parseJwtSecret, type JwtSigningConfig } from './jwt-secret.ts';
import { artworkEnvShape, artworkProductionProblems, toArtworkConfig, type ArtworkConfig } from './artwork-env.ts';
import { toWebhookConfig, webhookEnvShape, webhookProductionProblems, type WebhookConfig } from './webhook-env.ts';

const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/** Every environment variable the action server reads, with its development default (see .env.example). */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORTAL_ACTIONS_HOST: z.string().min(1).default('127.0.0.1'),
  PORTAL_ACTIONS_PORT: int(0, 65535, 3001),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').default(DEV_DATABASE_URL),
  ACTIONS_DATABASE_POOL_MAX: int(1, 100, 10),
  ACTION_SECRET: z.string().min(32, 'must have at least 32 characters').default(DEV_DEFAULTS.ACTION_SECRET),
  HASURA_GRAPHQL_JWT_SECRET: z.string().min(1).default(DEV_DEFAULTS.HASURA_GRAPHQL_JWT_SECRET),
  ACTIONS_JWT_PRIVATE_KEY_PEM: z.string().optional(),
  ACTIONS_ENCRYPTION_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be base64 of exactly 32 bytes')
    .default(DEV_DEFAULTS.ACTIONS_ENCRYPTION_KEY),
  PORTAL_DEFAULT_TENANT: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be a tenant slug').default('demo-printer'),
  BCRYPT_COST: int(4, 15, 12),
  // Short, because an ended session's access token works until it expires (Hasura checks only the JWT).
  AUTH_ACCESS_TOKEN_MINUTES: int(1, 60, 5),
  AUTH_SESSION_IDLE_MINUTES: int(5, 24 * 60, 30),
  AUTH_SESSION_ABSOLUTE_HOURS: int(1, 30 * 24, 12),
  AUTH_MFA_TICKET_MINUTES: int(1, 15, 5),
  AUTH_SLOW_DOWN_AFTER: int(1, 100, 3),
  AUTH_SLOW_DOWN_SECONDS: int(1, 3600, 15),
  AUTH_LOCKOUT_THRESHOLD: int(2, 1000, 10),
  AUTH_LOCKOUT_MINUTES: int(1, 24 * 60, 30),
  AUTH_ATTACK_THRESHOLD: int(2, 100_000, 30),
  AUTH_KNOWN_DEVICE_DAYS: int(1, 3650, 180),
  AUTH_RATE_LIMIT_WINDOW_MINUTES: int(1, 24 * 60, 15),
  AUTH_RATE_LIMIT_SIGN_IN: int(1, 100_000, 100),
  AUTH_RATE_LIMIT_EMAIL: int(1, 100_000, 20),
  AUTH_RATE_LIMIT_PER_ADDRESS: int(1, 1000, 5),
  INTEGRATOR_TOKEN_MINUTES: int(1, 60, 15),
  // Comma-separated addresses or CIDR ranges; empty: only the TCP peer counts.
  ACTIONS_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((value, ctx) => {
      try {
        return trustedProxyList(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  PASSWORD_BREACH_CHECK_URL: z.string().url().optional(),
  SENDGRID_API_KEY: z.string().min(1).default(DEV_DEFAULTS.SENDGRID_API_KEY),
  // Unset in production (SendGrid's own address); `npm start` and tests point it at a local mailbox.
  SENDGRID_API_URL: z.string().url().optional(),
  MAIL_FROM_ADDRESS: z.string().email().default('portal@printer.example'),
  MAIL_SEND_TIMEOUT_SECONDS: int(1, 120, 15),
  // The address of the portal that links in emails open.
  PORTAL_PUBLIC_URL: z.string().url().default('http://127.0.0.1:3000'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ...artworkEnvShape,
  ...webhookEnvShape,
});

type Env = z.infer<typeof envSchema>;

/** Failed sign-ins: see .env.example (AUTH_SLOW_DOWN_*, AUTH_LOCKOUT_*, AUTH_ATTACK_THRESHOLD). */
export interface LockoutPolicy {
  /** Failures from one source after which each further try waits, doubling from `slowDownSeconds`. */
  slowDownAfter: number;
  slowDownSeconds: number;
  /** Failures from one source that lock that source out of the account for `seconds`. */
  threshold: number;
  seconds: number;
  /** Failures from all sources together that put the account under attack. */
  attackThreshold: number;
}

/** The parsed, validated settings; created once at start-up and passed to everything that needs one. */
export interface ActionsConfig {
  production: boolean;
  host: string;
  port: number;
  databaseUrl: string;
  databasePoolMax: number;
  actionSecret: string;
  jwt: JwtSigningConfig;
  encryptionKey: Buffer;
  defaultTenant: string;
  bcryptCost: number;
  accessTokenSeconds: number;
  sessionIdleSeconds: number;
  sessionAbsoluteSeconds: number;
  mfaTicketSeconds: number;
  lockout: LockoutPolicy;
  knownDeviceSeconds: number;
  rateLimit: { windowSeconds: number; signIn: number; email: number; perAddress: number };
  integratorTokenSeconds: number;
  /** The proxies (the engine, the web server, nginx) whose X-Forwarded-For entries are believed. */
  trustedProxies: BlockList;
  breachCheckUrl: string | undefined;
  mail: { apiKey: string; apiUrl: string | undefined; fromAddress: string; timeoutMs: number };
  /** Without a trailing slash. */
  publicUrl: string;
  logLevel: Env['LOG_LEVEL'];
  /** Object storage, upload limits and the virus scanner. */
  artwork: ArtworkConfig;
  /** The company webhooks' sender: attempts, backoff, timeout, which URLs are accepted. */
  webhooks: WebhookConfig;
}

/** Unset and empty variables both take the default, as an empty line in an .env file means "not set". */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}

/**
 * Parses the action server's settings from the environment, failing with a message that names each
 * bad variable. With NODE_ENV=production the public development secrets are refused.
 */
export function readActionsConfig(env: NodeJS.ProcessEnv = process.env): ActionsConfig {
  const parsed = envSchema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid action server configuration: ${problems.join('; ')}`);
  }
  if (parsed.data.NODE_ENV === 'production') refuseDevelopmentDefaults(parsed.data);
  try {
    return toConfig(parsed.data, parseJwtSecret(parsed.data.HASURA_GRAPHQL_JWT_SECRET, parsed.data.ACTIONS_JWT_PRIVATE_KEY_PEM));
  } catch (error) {
    if (error instanceof JwtSecretError) throw new Error(`invalid action server configuration: ${error.message}`);
    throw error;
  }
}

function toConfig(e: Env, jwt: JwtSigningConfig): ActionsConfig {
  return {
    production: e.NODE_ENV === 'production',
    host: e.PORTAL_ACTIONS_HOST,
    port: e.PORTAL_ACTIONS_PORT,
    databaseUrl: e.DATABASE_URL,
    databasePoolMax: e.ACTIONS_DATABASE_POOL_MAX,
    actionSecret: e.ACTION_SECRET,
    jwt,
    encryptionKey: Buffer.from(e.ACTIONS_ENCRYPTION_KEY, 'base64'),
    defaultTenant: e.PORTAL_DEFAULT_TENANT,
    bcryptCost: e.BCRYPT_COST,
    accessTokenSeconds: e.AUTH_ACCESS_TOKEN_MINUTES * 60,
    sessionIdleSeconds: e.AUTH_SESSION_IDLE_MINUTES * 60,
    sessionAbsoluteSeconds: e.AUTH_SESSION_ABSOLUTE_HOURS * 3600,
    mfaTicketSeconds: e.AUTH_MFA_TICKET_MINUTES * 60,
    lockout: {
      slowDownAfter: e.AUTH_SLOW_DOWN_AFTER,
      slowDownSeconds: e.AUTH_SLOW_DOWN_SECONDS,
      threshold: e.AUTH_LOCKOUT_THRESHOLD,
      seconds: e.AUTH_LOCKOUT_MINUTES * 60,
      attackThreshold: e.AUTH_ATTACK_THRESHOLD,
    },
    knownDeviceSeconds: e.AUTH_KNOWN_DEVICE_DAYS * 86400,
    rateLimit: {
      windowSeconds: e.AUTH_RATE_LIMIT_WINDOW_MINUTES * 60,
      signIn: e.AUTH_RATE_LIMIT_SIGN_IN,
      email: e.AUTH_RATE_LIMIT_EMAIL,
      perAddress: e.AUTH_RATE_LIMIT_PER_ADDRESS,
    },
    integratorTokenSeconds: e.INTEGRATOR_TOKEN_MINUTES * 60,
    trustedProxies: e.ACTIONS_TRUSTED_PROXIES,
    breachCheckUrl: e.PASSWORD_BREACH_CHECK_URL,
    mail: {
      apiKey: e.SENDGRID_API_KEY,
      apiUrl: e.SENDGRID_API_URL,
      fromAddress: e.MAIL_FROM_ADDRESS,
      timeoutMs: e.MAIL_SEND_TIMEOUT_SECONDS * 1000,
    },
    publicUrl: e.PORTAL_PUBLIC_URL.replace(/\/+$/, ''),
    logLevel: e.LOG_LEVEL,
    artwork: toArtworkConfig(e, e.NODE_ENV === 'production'),
    webhooks: toWebhookConfig(e, e.NODE_ENV === 'production'),
  };
}

function refuseDevelopmentDefaults(e: Env): void {
  const problems = Object.entries(DEV_DEFAULTS)
    .filter(([name, value]) => e[name as keyof typeof DEV_DEFAULTS] === value)
    .map(([name]) => `${name} must be set (the development default is public)`);
  if (e.DATABASE_URL === DEV_DATABASE_URL) problems.push('DATABASE_URL must be set');
  if (e.BCRYPT_COST < 10) problems.push('BCRYPT_COST must be at least 10');
  if (!e.PORTAL_PUBLIC_URL.startsWith('https://')) problems.push('PORTAL_PUBLIC_URL must be the portal\'s https:// address');
  problems.push(...artworkProductionProblems(e));
  problems.push(...webhookProductionProblems(e));
  if (problems.length > 0) throw new Error(`refusing to start in production: ${problems.join('; ')}`);
}
