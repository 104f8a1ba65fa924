import type { RequestSession } from '../engine/index.ts';
import { EngineError } from '../errors/index.ts';
import { adminSecretMatches, type AuthMode } from './auth-mode.ts';
import { chooseRole, claimSessionVariables, readHasuraClaims } from './hasura-claims.ts';
import type { JwtConfig } from './jwt-config.ts';
import { decodeCompactJws, JoseError, verifyJwsSignature } from './jws.ts';
import { checkClaimTypes, checkRegisteredClaims } from './registered-claims.ts';
import {
  ACCESS_KEY_HEADER,
  ADMIN_SECRET_HEADER,
  extractToken,
  headerSessionVariables,
  requestedRole,
  ROLE_HEADER,
  tokenHeaderName,
  type RequestHeaders,
} from './request-headers.ts';

export const ADMIN_ROLE = 'admin';

function session(role: string, variables: Record<string, string>): RequestSession {
  return { role, variables: { ...variables, [ROLE_HEADER]: role } };
}

/** The role of `x-hasura-role` (else admin) with the request's `x-hasura-*` headers. */
function adminSession(headers: RequestHeaders): RequestSession {
  return session(requestedRole(headers) ?? ADMIN_ROLE, headerSessionVariables(headers));
}

function verifyToken(token: string, jwt: JwtConfig, nowSeconds: number): Record<string, unknown> {
  try {
    const jws = decodeCompactJws(token);
    checkClaimTypes(jws.payload);
    verifyJwsSignature(jws, jwt.key);
    checkRegisteredClaims(jws.payload, jwt, nowSeconds);
    return jws.payload;
  } catch (error) {
    if (error instanceof JoseError) throw new EngineError('invalid-jwt', `Could not verify JWT: ${error.message}`);
    throw error;
  }
}

function jwtSession(mode: Extract<AuthMode, { kind: 'jwt' }>, headers: RequestHeaders, nowSeconds: number): RequestSession {
  const headerName = tokenHeaderName(mode.jwt.header);
  const value = headers[headerName];
  if (value === undefined) {
    if (mode.unauthorizedRole !== undefined) return session(mode.unauthorizedRole, headerSessionVariables(headers));
    throw new EngineError('invalid-headers', `Missing ${mode.jwt.header.type} header in JWT authentication mode`);
  }
  const payload = verifyToken(extractToken(value, mode.jwt.header), mode.jwt, nowSeconds);
  const claims = readHasuraClaims(payload, mode.jwt);
  const role = chooseRole(claims, requestedRole(headers));
  return session(role, claimSessionVariables(claims));
}

/**
 * Authenticates a request the way Hasura v2 does. A sent admin secret is checked first and, when
 * right, wins over any token: the request acts as `x-hasura-role` (else admin) with its
 * `x-hasura-*` headers as session variables. Otherwise the JWT decides (its claims are the only
 * session variables), or the unauthorized role when no token was sent.
 */
export function resolveSession(mode: AuthMode, headers: RequestHeaders, nowMs = Date.now()): RequestSession {
  if (mode.kind === 'none') return adminSession(headers);
  const sentSecret = headers[ADMIN_SECRET_HEADER] ?? headers[ACCESS_KEY_HEADER];
  if (sentSecret !== undefined) {
    if (!adminSecretMatches(mode.secretHash, sentSecret)) {
      throw new EngineError('access-denied', `invalid ${ADMIN_SECRET_HEADER}/${ACCESS_KEY_HEADER}`, '$', 401);
    }
    return adminSession(headers);
  }
  if (mode.kind === 'jwt') return jwtSession(mode, headers, nowMs / 1000);
  if (mode.unauthorizedRole !== undefined) return session(mode.unauthorizedRole, headerSessionVariables(headers));
  throw new EngineError('access-denied', `${ADMIN_SECRET_HEADER}/${ACCESS_KEY_HEADER} required, but not found`, '$', 401);
}
