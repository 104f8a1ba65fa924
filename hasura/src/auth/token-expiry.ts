import type { AuthMode } from './auth-mode.ts';
import { decodeCompactJws } from './jws.ts';
import { ACCESS_KEY_HEADER, ADMIN_SECRET_HEADER, extractToken, tokenHeaderName, type RequestHeaders } from './request-headers.ts';

/**
 * When the session `resolveSession` gave for these headers stops being valid: the JWT's `exp`
 * in milliseconds, or undefined when no token decided it (admin secret, unauthorized role, or a
 * token without `exp`). Call only after `resolveSession` accepted the same headers.
 */
export function sessionExpiryMs(mode: AuthMode, headers: RequestHeaders): number | undefined {
  if (mode.kind !== 'jwt') return undefined;
  if (headers[ADMIN_SECRET_HEADER] !== undefined || headers[ACCESS_KEY_HEADER] !== undefined) return undefined;
  const value = headers[tokenHeaderName(mode.jwt.header)];
  if (value === undefined) return undefined;
  const exp = decodeCompactJws(extractToken(value, mode.jwt.header)).payload.exp;
  return typeof exp === 'number' ? exp * 1000 : undefined;
}
