/** `HASURA_GRAPHQL_LOG_LEVEL` values (Hasura's; they map one to one onto pino levels). */
export const HASURA_LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type HasuraLogLevel = (typeof HASURA_LOG_LEVELS)[number];

/**
 * Hasura's log types. This engine writes `startup` and `http-log`; the others are accepted so a
 * configuration that works with real Hasura works here, and simply produce nothing.
 */
export const LOG_TYPES = [
  'startup',
  'http-log',
  'webhook-log',
  'websocket-log',
  'query-log',
  'execution-log',
  'livequery-poller-log',
  'action-handler-log',
  'data-connector-log',
  'jwk-refresh-log',
  'validate-input-log',
  'health-check-log',
] as const;
export type LogType = (typeof LOG_TYPES)[number];

/** Hasura's default for `HASURA_GRAPHQL_ENABLED_LOG_TYPES`. */
export const DEFAULT_LOG_TYPES: readonly LogType[] = ['startup', 'http-log', 'webhook-log', 'websocket-log'];

export function readLogTypes(value: string | undefined): ReadonlySet<LogType> {
  if (value === undefined) return new Set(DEFAULT_LOG_TYPES);
  const names = value.split(',').map((name) => name.trim()).filter((name) => name.length > 0);
  const unknown = names.filter((name) => !(LOG_TYPES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown log type(s) ${unknown.join(', ')}; known: ${LOG_TYPES.join(', ')}`);
  return new Set(names as LogType[]);
}
