import pino, { type DestinationStream, type Logger } from 'pino';
import type { EngineConfig } from '../config/index.ts';

/**
 * Paths pino masks wherever they appear. The engine's own log lines never carry these (request
 * logs hold method, path, status, timing, role and operation names only); this is the net for
 * anything logged by mistake, e.g. an error that drags a request along.
 */
export const REDACTED_PATHS = [
  'headers.authorization', 'headers.cookie', 'headers["x-hasura-admin-secret"]', 'headers["x-hasura-access-key"]',
  '*.headers.authorization', '*.headers.cookie', '*.headers["x-hasura-admin-secret"]', '*.headers["x-hasura-access-key"]',
  'authorization', 'cookie', 'password', '*.password', 'token', '*.token', 'otp', '*.otp',
  'adminSecret', 'databaseUrl', '*.databaseUrl', 'variables', '*.variables',
];

/** The engine's pino logger: JSON lines at `HASURA_GRAPHQL_LOG_LEVEL`, secrets redacted. */
export function createEngineLogger(config: Pick<EngineConfig, 'logLevel'>, destination?: DestinationStream): Logger {
  const options = { level: config.logLevel, base: { component: 'engine' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
