import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createAuthMode, parseJwtSecret, type AuthMode, type JwtConfig } from '../auth/index.ts';
import { HASURA_LOG_LEVELS, readLogTypes, type HasuraLogLevel, type LogType } from './log-settings.ts';

/** `../metadata` next to the `hasura/` workspace: where the Hasura CLI project keeps it. */
export const DEFAULT_METADATA_DIR = fileURLToPath(new URL('../../../metadata', import.meta.url));

/**
 * The engine's settings, read once from the environment at start-up. The admin secret is kept as
 * a hash and keys as KeyObjects; `databaseUrl` may hold a password, so the config is never logged.
 */
export interface EngineConfig {
  port: number;
  /** Interface to listen on; undefined means all interfaces (Hasura's `*`). */
  host: string | undefined;
  metadataDir: string;
  /** `HASURA_GRAPHQL_DATABASE_URL`: used when the metadata's source names no URL that is set. */
  databaseUrl: string | undefined;
  /**
   * Resolves the metadata's `from_env` references (source URL, action handlers) in the engine's
   * environment. A function rather than a copy of the environment, so that logging or serialising
   * the config can never spill the secrets the environment holds.
   */
  fromEnv: (name: string) => string | undefined;
  auth: AuthMode;
  /** `*` (Hasura's default: every origin, with credentials) or a list of exact origins. */
  corsOrigins: '*' | string[];
  logLevel: HasuraLogLevel;
  logTypes: ReadonlySet<LogType>;
  subscriptions: SubscriptionSettings;
  limits: {
    /** Largest request body accepted, in bytes. */
    maxBodyBytes: number;
    /** Deepest field nesting accepted in a GraphQL operation; 0 turns the check off. */
    maxQueryDepth: number;
    /** Most fields (aliases and fragment spreads each counted) accepted in one operation; 0 turns the check off. */
    maxQueryNodes: number;
  };
}

/** How websockets and the multiplexed live query and stream pollers run. */
export interface SubscriptionSettings {
  /** `HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_REFETCH_INTERVAL`, milliseconds between polls of a live query group. */
  liveRefetchMs: number;
  /** `HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_BATCH_SIZE`: cohorts per SQL statement. */
  liveBatchSize: number;
  /** `HASURA_GRAPHQL_STREAMING_QUERIES_MULTIPLEXED_REFETCH_INTERVAL`, milliseconds. */
  streamRefetchMs: number;
  /** `HASURA_GRAPHQL_STREAMING_QUERIES_MULTIPLEXED_BATCH_SIZE`: subscribers per SQL statement. */
  streamBatchSize: number;
  /** `HASURA_GRAPHQL_WEBSOCKET_KEEPALIVE` (seconds, as Hasura), kept in milliseconds. */
  keepAliveMs: number;
  /** `HASURA_GRAPHQL_WEBSOCKET_CONNECTION_INIT_TIMEOUT` (seconds, as Hasura), kept in milliseconds. */
  initTimeoutMs: number;
}

const blankAsUnset = (value: unknown) => (value === '' ? undefined : value);
const optionalText = z.preprocess(blankAsUnset, z.string().optional());
const integer = (min: number, max: number, fallback: number) => z.preprocess(blankAsUnset, z.coerce.number().int().min(min).max(max).default(fallback));

const schema = z.object({
  HASURA_GRAPHQL_DATABASE_URL: z.preprocess(blankAsUnset, z.url().optional()),
  HASURA_GRAPHQL_SERVER_PORT: integer(0, 65535, 8080),
  HASURA_GRAPHQL_SERVER_HOST: optionalText,
  HASURA_GRAPHQL_METADATA_DIR: optionalText,
  HASURA_GRAPHQL_ADMIN_SECRET: optionalText,
  HASURA_GRAPHQL_ACCESS_KEY: optionalText,
  HASURA_GRAPHQL_JWT_SECRET: optionalText,
  HASURA_GRAPHQL_UNAUTHORIZED_ROLE: optionalText,
  HASURA_GRAPHQL_AUTH_HOOK: optionalText,
  HASURA_GRAPHQL_CORS_DOMAIN: optionalText,
  HASURA_GRAPHQL_LOG_LEVEL: z.preprocess(blankAsUnset, z.enum(HASURA_LOG_LEVELS).default('info')),
  HASURA_GRAPHQL_ENABLED_LOG_TYPES: optionalText,
  HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_REFETCH_INTERVAL: integer(1, 3_600_000, 1000),
  HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_BATCH_SIZE: integer(1, 100_000, 100),
  HASURA_GRAPHQL_STREAMING_QUERIES_MULTIPLEXED_REFETCH_INTERVAL: integer(1, 3_600_000, 1000),
  HASURA_GRAPHQL_STREAMING_QUERIES_MULTIPLEXED_BATCH_SIZE: integer(1, 100_000, 100),
  HASURA_GRAPHQL_WEBSOCKET_KEEPALIVE: integer(1, 3600, 5),
  HASURA_GRAPHQL_WEBSOCKET_CONNECTION_INIT_TIMEOUT: integer(1, 3600, 3),
  PORTAL_ENGINE_MAX_BODY_BYTES: integer(1024, 1024 ** 3, 1024 * 1024),
  PORTAL_ENGINE_MAX_QUERY_DEPTH: integer(0, 1000, 15),
  PORTAL_ENGINE_MAX_QUERY_NODES: integer(0, 1_000_000, 1000),
});
type Raw = z.infer<typeof schema>;

/** Thrown when the environment is not a valid engine configuration; the message names every problem. */
export class EngineConfigError extends Error {
  override name = 'EngineConfigError';
}

function attempt<T>(problems: string[], variable: string, read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    problems.push(`${variable}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function readCorsOrigins(value: string | undefined): '*' | string[] {
  if (value === undefined || value.trim() === '*') return '*';
  const origins = value.split(',').map((origin) => origin.trim()).filter((origin) => origin.length > 0);
  const wildcard = origins.find((origin) => origin.includes('*'));
  if (wildcard) throw new Error(`unsupported: wildcard origins such as "${wildcard}" are not supported by the development engine`);
  return origins;
}

function readAuth(raw: Raw, problems: string[]): AuthMode | undefined {
  if (raw.HASURA_GRAPHQL_AUTH_HOOK !== undefined) {
    problems.push('HASURA_GRAPHQL_AUTH_HOOK: unsupported: webhook authentication is not supported by the development engine');
  }
  let jwt: JwtConfig | undefined;
  if (raw.HASURA_GRAPHQL_JWT_SECRET !== undefined) {
    jwt = attempt(problems, 'HASURA_GRAPHQL_JWT_SECRET', () => parseJwtSecret(raw.HASURA_GRAPHQL_JWT_SECRET!));
    if (!jwt) return undefined;
  }
  const adminSecret = raw.HASURA_GRAPHQL_ADMIN_SECRET ?? raw.HASURA_GRAPHQL_ACCESS_KEY;
  return attempt(problems, 'auth', () => createAuthMode({ adminSecret, jwt, unauthorizedRole: raw.HASURA_GRAPHQL_UNAUTHORIZED_ROLE }));
}

function fromRaw(raw: Raw, env: Readonly<Record<string, string | undefined>>, problems: string[]): EngineConfig | undefined {
  const auth = readAuth(raw, problems);
  const corsOrigins = attempt(problems, 'HASURA_GRAPHQL_CORS_DOMAIN', () => readCorsOrigins(raw.HASURA_GRAPHQL_CORS_DOMAIN));
  const logTypes = attempt(problems, 'HASURA_GRAPHQL_ENABLED_LOG_TYPES', () => readLogTypes(raw.HASURA_GRAPHQL_ENABLED_LOG_TYPES));
  if (!auth || !corsOrigins || !logTypes) return undefined;
  const host = raw.HASURA_GRAPHQL_SERVER_HOST;
  return {
    port: raw.HASURA_GRAPHQL_SERVER_PORT,
    host: host === undefined || host === '*' ? undefined : host,
    metadataDir: raw.HASURA_GRAPHQL_METADATA_DIR === undefined ? DEFAULT_METADATA_DIR : resolve(raw.HASURA_GRAPHQL_METADATA_DIR),
    databaseUrl: raw.HASURA_GRAPHQL_DATABASE_URL,
    fromEnv: (name) => env[name],
    auth,
    corsOrigins,
    logLevel: raw.HASURA_GRAPHQL_LOG_LEVEL,
    logTypes,
    subscriptions: {
      liveRefetchMs: raw.HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_REFETCH_INTERVAL,
      liveBatchSize: raw.HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_BATCH_SIZE,
      streamRefetchMs: raw.HASURA_GRAPHQL_STREAMING_QUERIES_MULTIPLEXED_REFETCH_INTERVAL,
      streamBatchSize: raw.HASURA_GRAPHQL_STREAMING_QUERIES_MULTIPLEXED_BATCH_SIZE,
      keepAliveMs: raw.HASURA_GRAPHQL_WEBSOCKET_KEEPALIVE * 1000,
      initTimeoutMs: raw.HASURA_GRAPHQL_WEBSOCKET_CONNECTION_INIT_TIMEOUT * 1000,
    },
    limits: { maxBodyBytes: raw.PORTAL_ENGINE_MAX_BODY_BYTES, maxQueryDepth: raw.PORTAL_ENGINE_MAX_QUERY_DEPTH, maxQueryNodes: raw.PORTAL_ENGINE_MAX_QUERY_NODES },
  };
}

/**
 * Reads the engine's settings from `env` (the same `HASURA_GRAPHQL_*` variables as real Hasura,
 * plus the `PORTAL_ENGINE_*` limits of this engine); throws EngineConfigError naming each bad variable.
 */
export function readEngineConfig(env: Readonly<Record<string, string | undefined>>): EngineConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new EngineConfigError(`invalid engine configuration: ${problems.join('; ')}`);
  }
  const problems: string[] = [];
  const config = fromRaw(parsed.data, env, problems);
  if (!config || problems.length > 0) throw new EngineConfigError(`invalid engine configuration: ${problems.join('; ')}`);
  return config;
}
