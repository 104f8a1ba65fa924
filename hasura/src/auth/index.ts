/**
 * Request authentication with Hasura v2's rules, codes and messages: admin secret (and the
 * deprecated access key), JWT per `HASURA_GRAPHQL_JWT_SECRET`, role selection with
 * `x-hasura-role`, and the unauthorized role for requests without credentials.
 */
export { createAuthMode, type AuthMode, type AuthSettings } from './auth-mode.ts';
export { parseJwtSecret, type JwtConfig, type ClaimsLocation, type TokenHeader } from './jwt-config.ts';
export { JWT_KEY_TYPES, type JwtKeyType } from './jwt-keys.ts';
export { ADMIN_ROLE, resolveSession } from './resolve-session.ts';
export { sessionExpiryMs } from './token-expiry.ts';
export { normalizeHeaders, withForwardedPeer, type RequestHeaders } from './request-headers.ts';
