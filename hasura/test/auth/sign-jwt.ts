import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { HASURA_CLAIMS_NAMESPACE } from '@portal/common';

/** A signing key for test tokens: an HMAC secret or a private key. */
export type SigningKey = { alg: 'HS256' | 'HS384' | 'HS512'; secret: string } | { alg: 'RS256' | 'RS512' | 'ES256'; privateKey: KeyObject };

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A compact JWS over `payload`, written independently of the engine's verifier. */
export function signJwt(payload: Record<string, unknown>, key: SigningKey, header: Record<string, unknown> = {}): string {
  const input = `${encode({ alg: key.alg, typ: 'JWT', ...header })}.${encode(payload)}`;
  const digest = `sha${key.alg.slice(2)}`;
  const signature = 'secret' in key
    ? createHmac(digest, key.secret).update(input).digest()
    : sign(digest, Buffer.from(input), key.alg === 'ES256' ? { key: key.privateKey, dsaEncoding: 'ieee-p1363' } : key.privateKey);
  return `${input}.${signature.toString('base64url')}`;
}

export function rsaKeyPair(): { publicPem: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey };
}

export function ecKeyPair(): { publicPem: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey };
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Standard claims valid for an hour around now, with Hasura claims under the default namespace. */
export function tokenPayload(claims: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { sub: 'test-user', iat: nowSeconds() - 5, exp: nowSeconds() + 3600, [HASURA_CLAIMS_NAMESPACE]: claims, ...extra };
}
