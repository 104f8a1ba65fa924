import { createHash, timingSafeEqual } from 'node:crypto';
import type { JwtConfig } from './jwt-config.ts';

/**
 * How requests are authenticated, as Hasura decides it at start-up: no auth (everyone is admin),
 * admin secret only, or admin secret plus JWT. The admin secret is kept only as a hash.
 */
export type AuthMode =
  | { kind: 'none' }
  | { kind: 'admin-secret'; secretHash: Buffer; unauthorizedRole: string | undefined }
  | { kind: 'jwt'; secretHash: Buffer; jwt: JwtConfig; unauthorizedRole: string | undefined };

export interface AuthSettings {
  adminSecret: string | undefined;
  jwt: JwtConfig | undefined;
  unauthorizedRole: string | undefined;
}

const hash = (secret: string) => createHash('sha512').update(secret, 'utf8').digest();

/** Hasura's start-up rules: JWT and the unauthorized role both need an admin secret. */
export function createAuthMode(settings: AuthSettings): AuthMode {
  const { adminSecret, jwt, unauthorizedRole } = settings;
  if (adminSecret === undefined) {
    if (jwt) throw new Error('HASURA_GRAPHQL_JWT_SECRET requires HASURA_GRAPHQL_ADMIN_SECRET to be set');
    if (unauthorizedRole !== undefined) throw new Error('HASURA_GRAPHQL_UNAUTHORIZED_ROLE requires HASURA_GRAPHQL_ADMIN_SECRET to be set');
    return { kind: 'none' };
  }
  if (jwt) return { kind: 'jwt', secretHash: hash(adminSecret), jwt, unauthorizedRole };
  return { kind: 'admin-secret', secretHash: hash(adminSecret), unauthorizedRole };
}

/** Compares hashes in constant time, so the comparison says nothing about the secret. */
export function adminSecretMatches(secretHash: Buffer, candidate: string): boolean {
  return timingSafeEqual(secretHash, hash(candidate));
}
