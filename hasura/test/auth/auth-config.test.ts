import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { EngineConfigError, readEngineConfig } from '../../src/config/index.ts';
import { ecKeyPair, rsaKeyPair } from './sign-jwt.ts';

const HS_KEY = 'a-test-only-hmac-secret-of-at-least-32-chars';
const read = (env: Record<string, string>) => readEngineConfig(env);
const problem = (env: Record<string, string>) => {
  try {
    read(env);
  } catch (error) {
    expect(error).toBeInstanceOf(EngineConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
};

describe('auth modes, decided at start-up as Hasura does', () => {
  test('no admin secret: no auth', () => {
    expect(read({}).auth.kind).toBe('none');
  });

  test('admin secret (or the deprecated access key) alone', () => {
    expect(read({ HASURA_GRAPHQL_ADMIN_SECRET: 's' }).auth).toMatchObject({ kind: 'admin-secret', unauthorizedRole: undefined });
    expect(read({ HASURA_GRAPHQL_ACCESS_KEY: 's' }).auth.kind).toBe('admin-secret');
  });

  test('neither the admin secret nor the HMAC key can leak from a serialised config', () => {
    const config = read({ HASURA_GRAPHQL_ADMIN_SECRET: 'find-me-if-you-can', HASURA_GRAPHQL_JWT_SECRET: JSON.stringify({ type: 'HS256', key: HS_KEY }) });
    const text = JSON.stringify(config);
    expect(text).not.toContain('find-me-if-you-can');
    expect(text).not.toContain(HS_KEY);
    expect(text).not.toContain(JSON.stringify([...Buffer.from(HS_KEY)]).slice(1, -1));
  });

  test('JWT needs an admin secret', () => {
    expect(problem({ HASURA_GRAPHQL_JWT_SECRET: JSON.stringify({ type: 'HS256', key: HS_KEY }) }))
      .toContain('HASURA_GRAPHQL_JWT_SECRET requires HASURA_GRAPHQL_ADMIN_SECRET to be set');
  });

  test('the unauthorized role needs an admin secret', () => {
    expect(problem({ HASURA_GRAPHQL_UNAUTHORIZED_ROLE: 'anonymous' })).toContain('HASURA_GRAPHQL_UNAUTHORIZED_ROLE requires HASURA_GRAPHQL_ADMIN_SECRET');
  });

  test('webhook authentication is refused loudly', () => {
    expect(problem({ HASURA_GRAPHQL_ADMIN_SECRET: 's', HASURA_GRAPHQL_AUTH_HOOK: 'http://auth' })).toContain('HASURA_GRAPHQL_AUTH_HOOK: unsupported');
  });
});

describe('HASURA_GRAPHQL_JWT_SECRET', () => {
  const jwt = (secret: Record<string, unknown>) => ({ HASURA_GRAPHQL_ADMIN_SECRET: 's', HASURA_GRAPHQL_JWT_SECRET: JSON.stringify(secret) });

  test('defaults: Authorization header, Hasura namespace, json claims, no skew', () => {
    const config = read(jwt({ type: 'HS256', key: HS_KEY }));
    expect(config.auth).toMatchObject({
      kind: 'jwt',
      jwt: { type: 'HS256', header: { type: 'Authorization' }, claims: { kind: 'namespace', namespace: 'https://hasura.io/jwt/claims' }, claimsFormat: 'json', allowedSkew: 0 },
    });
  });

  test('RS*, ES* and Ed25519 keys are read from PEM', () => {
    expect(read(jwt({ type: 'RS512', key: rsaKeyPair().publicPem })).auth.kind).toBe('jwt');
    expect(read(jwt({ type: 'ES256', key: ecKeyPair().publicPem })).auth.kind).toBe('jwt');
    const ed = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(read(jwt({ type: 'Ed25519', key: ed })).auth.kind).toBe('jwt');
    expect(problem(jwt({ type: 'RS256', key: ed }))).toContain('Invalid JWK: the key is a ed25519 key, not a key for RS256');
  });

  const refusals: Array<[string, Record<string, unknown>, string]> = [
    ['an HS256 key shorter than 32 characters', { type: 'HS256', key: 'short' }, 'Invalid JWK: Key size too small; should be atleast 32 characters'],
    ['an HS512 key shorter than 64 characters', { type: 'HS512', key: HS_KEY }, 'Invalid JWK: Key size too small; should be atleast 64 characters'],
    ['an unknown type', { type: 'XS256', key: HS_KEY }, 'Invalid JWK: Key type: XS256 is not supported'],
    ['an RSA type with a key that is not PEM', { type: 'RS256', key: 'not a pem' }, 'Invalid JWK: Could not decode PEM'],
    ['neither key nor jwk_url', { type: 'HS256' }, 'key and jwk_url both cannot be empty'],
    ['both namespace settings', { type: 'HS256', key: HS_KEY, claims_namespace: 'a', claims_namespace_path: '$.a' }, 'claims_namespace and claims_namespace_path both cannot be set'],
    ['a bad namespace path', { type: 'HS256', key: HS_KEY, claims_namespace_path: '$..a' }, 'invalid JSON path claims_namespace_path error'],
    ['an unknown header type', { type: 'HS256', key: HS_KEY, header: { type: 'Query' } }, "expected 'type' is 'Authorization' or 'Cookie'"],
    ['jwk_url (not implemented here)', { jwk_url: 'https://example.invalid/jwks.json' }, 'unsupported: jwk_url'],
    ['claims_map (not implemented here)', { type: 'HS256', key: HS_KEY, claims_map: {} }, 'unsupported: claims_map'],
  ];

  test.each(refusals)('refuses %s, naming the variable', (_name, secret, message) => {
    const text = problem(jwt(secret));
    expect(text).toContain('HASURA_GRAPHQL_JWT_SECRET');
    expect(text).toContain(message);
  });

  test('a private key is refused rather than silently derived', () => {
    const { privateKey } = rsaKeyPair();
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(problem(jwt({ type: 'RS256', key: pem }))).toContain('a private key was given');
  });

  test('text that is not JSON', () => {
    expect(problem({ HASURA_GRAPHQL_ADMIN_SECRET: 's', HASURA_GRAPHQL_JWT_SECRET: '{type: HS256' })).toContain('HASURA_GRAPHQL_JWT_SECRET: not valid JSON');
  });
});
