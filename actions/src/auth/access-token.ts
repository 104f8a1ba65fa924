import jwt from 'jsonwebtoken';
import { allowedRolesFor, SESSION_VARIABLES, type HasuraClaims, type UserRole } from '@portal/common';
import type { JwtSigningConfig } from '../config/jwt-secret.ts';

/** Who an access token speaks for: a person (customer staff or printer staff) or an integrator client. */
export type TokenSubject =
  | { kind: 'user'; userId: string; role: UserRole; tenantId: string; customerId: string | null }
  | { kind: 'integrator'; clientId: string; tenantId: string; customerId: string | null };

export interface SignedToken {
  token: string;
  expiresAt: Date;
}

/** The Hasura claims of a subject: exactly roles, user, tenant and (when there is one) customer. */
export function hasuraClaims(subject: TokenSubject): HasuraClaims {
  const [allowed, role, id] =
    subject.kind === 'user'
      ? [allowedRolesFor(subject.role), subject.role, subject.userId]
      : [['integrator' as const], 'integrator' as const, subject.clientId];
  return {
    'x-hasura-allowed-roles': allowed,
    'x-hasura-default-role': role,
    [SESSION_VARIABLES.userId]: id,
    [SESSION_VARIABLES.tenantId]: subject.tenantId,
    ...(subject.customerId ? { [SESSION_VARIABLES.customerId]: subject.customerId } : {}),
  };
}

/** Puts the claims where HASURA_GRAPHQL_JWT_SECRET tells Hasura to look for them. */
function placeClaims(config: JwtSigningConfig, claims: HasuraClaims): Record<string, unknown> {
  const value = config.claimsFormat === 'stringified_json' ? JSON.stringify(claims) : claims;
  if (config.claimsPath.length === 0) return { ...claims };
  let placed: unknown = value;
  for (const key of [...config.claimsPath].reverse()) placed = { [key]: placed };
  return placed as Record<string, unknown>;
}

/** Signs access tokens with the key Hasura verifies (HASURA_GRAPHQL_JWT_SECRET). */
export class AccessTokenSigner {
  readonly #config: JwtSigningConfig;

  constructor(config: JwtSigningConfig) {
    this.#config = config;
  }

  sign(subject: TokenSubject, now: Date, lifetimeSeconds: number): SignedToken {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + lifetimeSeconds;
    const payload = {
      sub: subject.kind === 'user' ? subject.userId : subject.clientId,
      iat,
      exp,
      ...(this.#config.issuer ? { iss: this.#config.issuer } : {}),
      ...(this.#config.audience ? { aud: this.#config.audience } : {}),
      ...placeClaims(this.#config, hasuraClaims(subject)),
    };
    const token = jwt.sign(payload, this.#config.signingKey, { algorithm: this.#config.algorithm });
    return { token, expiresAt: new Date(exp * 1000) };
  }
}
