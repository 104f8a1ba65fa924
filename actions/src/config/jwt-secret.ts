import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { Algorithm } from 'jsonwebtoken';
import { z } from 'zod';
import { HASURA_CLAIMS_NAMESPACE } from '@portal/common';

/** How the action server signs access tokens so that Hasura, configured with the same secret, accepts them. */
export interface JwtSigningConfig {
  algorithm: Algorithm;
  /** HMAC key (the `key` string itself, as Hasura uses it) or the private key. */
  signingKey: string | KeyObject;
  /** What Hasura verifies with: the same HMAC key, or the public key from `key`. */
  verificationKey: string | KeyObject;
  /** Object keys under which the claims object sits: `[namespace]`, or the path of `claims_namespace_path`. */
  claimsPath: string[];
  claimsFormat: 'json' | 'stringified_json';
  audience?: string | string[];
  issuer?: string;
}

const HMAC = ['HS256', 'HS384', 'HS512'] as const;
const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'] as const;

const secretSchema = z.object({
  type: z.enum([...HMAC, ...ASYMMETRIC], { message: `type must be one of ${[...HMAC, ...ASYMMETRIC].join(', ')}` }),
  key: z.string().min(1, 'key is required'),
  claims_namespace: z.string().min(1).optional(),
  claims_namespace_path: z.string().regex(/^\$(\.[A-Za-z0-9_-]+)*$/, 'claims_namespace_path must look like $ or $.a.b').optional(),
  claims_format: z.enum(['json', 'stringified_json']).optional(),
  audience: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  issuer: z.string().optional(),
  allowed_skew: z.number().optional(),
  header: z.unknown().optional(),
});

export class JwtSecretError extends Error {}

/**
 * Reads `HASURA_GRAPHQL_JWT_SECRET` (Hasura's JSON format). HMAC types sign with `key` directly;
 * RS/ES types need the matching private key in PEM, which Hasura's secret never holds. `jwk_url` and
 * `claims_map` describe tokens minted elsewhere, so they are refused rather than half-supported.
 */
export function parseJwtSecret(raw: string, privateKeyPem?: string): JwtSigningConfig {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new JwtSecretError('HASURA_GRAPHQL_JWT_SECRET is not valid JSON');
  }
  if (typeof json === 'object' && json !== null) {
    for (const unsupported of ['jwk_url', 'claims_map'] as const) {
      if (unsupported in json) throw new JwtSecretError(`HASURA_GRAPHQL_JWT_SECRET: unsupported: ${unsupported} (use type + key)`);
    }
  }
  const parsed = secretSchema.safeParse(json);
  if (!parsed.success) {
    throw new JwtSecretError(`HASURA_GRAPHQL_JWT_SECRET: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  }
  const secret = parsed.data;
  if (secret.claims_namespace && secret.claims_namespace_path) {
    throw new JwtSecretError('HASURA_GRAPHQL_JWT_SECRET: claims_namespace and claims_namespace_path exclude each other');
  }
  const keys = signingKeys(secret.type, secret.key, privateKeyPem);
  return {
    algorithm: secret.type,
    ...keys,
    claimsPath: secret.claims_namespace_path
      ? secret.claims_namespace_path.split('.').slice(1)
      : [secret.claims_namespace ?? HASURA_CLAIMS_NAMESPACE],
    claimsFormat: secret.claims_format ?? 'json',
    ...(secret.audience === undefined ? {} : { audience: secret.audience }),
    ...(secret.issuer === undefined ? {} : { issuer: secret.issuer }),
  };
}

function signingKeys(type: Algorithm, key: string, privateKeyPem?: string): Pick<JwtSigningConfig, 'signingKey' | 'verificationKey'> {
  if ((HMAC as readonly string[]).includes(type)) {
    if (key.length < 32) throw new JwtSecretError('HASURA_GRAPHQL_JWT_SECRET: an HMAC key must have at least 32 characters');
    return { signingKey: key, verificationKey: key };
  }
  if (!privateKeyPem) {
    throw new JwtSecretError(`ACTIONS_JWT_PRIVATE_KEY_PEM is required when HASURA_GRAPHQL_JWT_SECRET has type ${type}`);
  }
  let privateKey: KeyObject;
  let publicKey: KeyObject;
  try {
    privateKey = createPrivateKey(privateKeyPem);
    publicKey = createPublicKey(key);
  } catch (error) {
    throw new JwtSecretError(`cannot read the JWT keys: ${(error as Error).message}`);
  }
  const derived = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  if (!derived.equals(publicKey.export({ type: 'spki', format: 'der' }))) {
    throw new JwtSecretError('ACTIONS_JWT_PRIVATE_KEY_PEM does not match the public key in HASURA_GRAPHQL_JWT_SECRET');
  }
  return { signingKey: privateKey, verificationKey: publicKey };
}
