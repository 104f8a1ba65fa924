import type { RequestHeaders } from '../auth/index.ts';

const ALLOWED_METHODS = 'GET,POST,PUT,PATCH,DELETE,OPTIONS';
/** How long browsers may cache a preflight answer (Hasura's value, 20 days). */
const PREFLIGHT_MAX_AGE = '1728000';

/**
 * CORS headers like Hasura's middleware: for an allowed `Origin` the origin is echoed back with
 * credentials allowed (so `*`, the default, still works with cookies); no `Origin`, no headers.
 */
export function corsHeaders(headers: RequestHeaders, origins: '*' | string[]): Record<string, string> | undefined {
  const origin = headers.origin;
  if (origin === undefined || (origins !== '*' && !origins.includes(origin))) return undefined;
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-allow-methods': ALLOWED_METHODS,
  };
}

/** The extra headers of a preflight (OPTIONS) answer, which is an empty 204. */
export function preflightHeaders(headers: RequestHeaders): Record<string, string> {
  return {
    'access-control-max-age': PREFLIGHT_MAX_AGE,
    'access-control-allow-headers': headers['access-control-request-headers'] ?? '',
  };
}
