import { createPublicKey, createSecretKey, X509Certificate, type KeyObject } from 'node:crypto';

/** The `type` values of `HASURA_GRAPHQL_JWT_SECRET` (Hasura's docs list ES* too; its parser of the version read does not). */
export const JWT_KEY_TYPES = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'Ed25519'] as const;
export type JwtKeyType = (typeof JWT_KEY_TYPES)[number];

/**
 * A verification key. Like Hasura (which turns `type` + `key` into one JWK), the `type` only says
 * how to read `key`: a token is accepted with any algorithm that key can verify, so an RSA key
 * configured as RS256 also verifies RS512 tokens (Hasura's own tests sign RS512 that way).
 */
export type JwtKey = { kind: 'hmac'; secret: KeyObject } | { kind: 'public'; key: KeyObject };

const HMAC_BITS: Partial<Record<JwtKeyType, number>> = { HS256: 256, HS384: 384, HS512: 512 };
const PUBLIC_KEY_TYPE: Partial<Record<JwtKeyType, string>> = {
  RS256: 'rsa', RS384: 'rsa', RS512: 'rsa', ES256: 'ec', ES384: 'ec', ES512: 'ec', Ed25519: 'ed25519',
};

function readPublicKey(pem: string): KeyObject {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) throw new Error('a private key was given; configure the public key or certificate');
  if (pem.includes('-----BEGIN CERTIFICATE-----')) return new X509Certificate(pem).publicKey;
  return createPublicKey(pem);
}

/** Reads `key` for `type`; throws Hasura's "Invalid JWK: …" reasons. */
export function parseJwtKey(type: JwtKeyType, raw: string): JwtKey {
  const bits = HMAC_BITS[type];
  if (bits !== undefined) {
    const secret = Buffer.from(raw, 'utf8');
    if (secret.length < bits / 8) throw new Error(`Invalid JWK: Key size too small; should be atleast ${bits / 8} characters`);
    // A KeyObject, not a Buffer: it serialises to `{}`, so a logged config cannot leak it.
    return { kind: 'hmac', secret: createSecretKey(secret) };
  }
  let key: KeyObject;
  try {
    key = readPublicKey(raw);
  } catch (error) {
    throw new Error(`Invalid JWK: Could not decode PEM: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (key.asymmetricKeyType !== PUBLIC_KEY_TYPE[type]) {
    throw new Error(`Invalid JWK: the key is a ${key.asymmetricKeyType ?? 'unknown'} key, not a key for ${type}`);
  }
  return { kind: 'public', key };
}
