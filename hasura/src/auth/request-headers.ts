import type { IncomingHttpHeaders } from 'node:http';
import { EngineError } from '../errors/index.ts';
import type { TokenHeader } from './jwt-config.ts';

/** Request headers with lower-case names and one string value each. */
export type RequestHeaders = Record<string, string>;

export const ADMIN_SECRET_HEADER = 'x-hasura-admin-secret';
/** The deprecated name of the admin secret header, still honoured by Hasura v2. */
export const ACCESS_KEY_HEADER = 'x-hasura-access-key';
export const ROLE_HEADER = 'x-hasura-role';

export function normalizeHeaders(headers: IncomingHttpHeaders): RequestHeaders {
  const normalized: RequestHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) normalized[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return normalized;
}

/**
 * The headers with the TCP peer appended to X-Forwarded-For, as the proxy in front of Hasura does
 * in production (Hasura itself forwards the header unchanged). The dev engine stands in for both
 * under `npm start`, so the action server can tell one client from another; see COMPAT.md.
 */
export function withForwardedPeer(headers: RequestHeaders, peer: string | undefined): RequestHeaders {
  if (!peer) return headers;
  const chain = headers['x-forwarded-for'];
  return { ...headers, 'x-forwarded-for': chain ? `${chain}, ${peer}` : peer };
}

/** The `x-hasura-*` headers (session variables as a client states them), without the admin secret. */
export function headerSessionVariables(headers: RequestHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => name.startsWith('x-hasura-') && name !== ADMIN_SECRET_HEADER && name !== ACCESS_KEY_HEADER),
  );
}

/** The role asked for with `x-hasura-role`; an empty value counts as absent, as in Hasura. */
export function requestedRole(headers: RequestHeaders): string | undefined {
  return headers[ROLE_HEADER] || undefined;
}

function cookieValue(cookieHeader: string, name: string): string | undefined {
  for (const pair of cookieHeader.split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return undefined;
}

/** The header that carries the token (`authorization` or `cookie`), by the JWT secret's `header`. */
export function tokenHeaderName(header: TokenHeader): string {
  return header.type === 'Authorization' ? 'authorization' : 'cookie';
}

/** The raw token from the header found for `header`; throws Hasura's `invalid-headers` errors. */
export function extractToken(value: string, header: TokenHeader): string {
  if (header.type === 'Cookie') {
    const token = cookieValue(value, header.name);
    if (token === undefined) throw new EngineError('invalid-headers', `Could not find ${header.name} in Cookie header`);
    return token;
  }
  const words = value.split(/\s+/).filter((word) => word.length > 0);
  if (words.length !== 2 || words[0] !== 'Bearer') throw new EngineError('invalid-headers', 'Malformed Authorization header');
  return words[1]!;
}
