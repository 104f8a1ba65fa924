import { constants, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { parseClaimsPath, formatClaimsPath, lookupClaimsPath } from '../../src/auth/claims-json-path.ts';
import { decodeCompactJws, verifyJwsSignature } from '../../src/auth/jws.ts';
import { checkClaimTypes, checkRegisteredClaims } from '../../src/auth/registered-claims.ts';
import { parseJwtKey } from '../../src/auth/jwt-keys.ts';

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const NOW = 1_800_000_000;

describe('signatures by key kind', () => {
  test('Ed25519 keys verify EdDSA tokens', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const input = `${part({ alg: 'EdDSA' })}.${part({ sub: 'x' })}`;
    const token = `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
    const key = parseJwtKey('Ed25519', publicKey.export({ type: 'spki', format: 'pem' }).toString());
    expect(() => verifyJwsSignature(decodeCompactJws(token), key)).not.toThrow();
    const tampered = `${part({ alg: 'EdDSA' })}.${part({ sub: 'y' })}.${token.split('.')[2]}`;
    expect(() => verifyJwsSignature(decodeCompactJws(tampered), key)).toThrow('JWSError JWSInvalidSignature');
  });

  test('an RSA key verifies PS256 as well as RS256 (any algorithm the key supports)', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const input = `${part({ alg: 'PS256' })}.${part({ sub: 'x' })}`;
    const signature = sign('sha256', Buffer.from(input), { key: privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
    const key = parseJwtKey('RS256', publicKey.export({ type: 'spki', format: 'pem' }).toString());
    expect(() => verifyJwsSignature(decodeCompactJws(`${input}.${signature.toString('base64url')}`), key)).not.toThrow();
  });
});

describe('decoding, in the JOSE library\'s words', () => {
  test('a header that is not JSON', () => {
    expect(() => decodeCompactJws('bm90IGpzb24.e30.')).toThrow('JWSError (JSONDecodeError "Error in $: Failed reading: not a valid json value")');
  });

  test('a claim of the wrong type', () => {
    expect(() => checkClaimTypes({ sub: 5 })).toThrow('JWTClaimsSetDecodeError "Error in $.sub: parsing StringOrURI failed, expected String, but encountered Number"');
    expect(() => checkClaimTypes({ exp: '1' })).toThrow('JWTClaimsSetDecodeError "Error in $.exp: parsing NumericDate failed, expected Number, but encountered String"');
  });
});

describe('registered claims, with the JOSE library\'s edge cases', () => {
  const checks = { allowedSkew: 0, audience: ['portal'], issuer: 'actions' };

  test('exp is exclusive: a token expiring now is expired', () => {
    expect(() => checkRegisteredClaims({ exp: NOW }, checks, NOW)).toThrow('JWTExpired');
    expect(() => checkRegisteredClaims({ exp: NOW + 1 }, checks, NOW)).not.toThrow();
  });

  test('iat in the future beyond the skew', () => {
    expect(() => checkRegisteredClaims({ iat: NOW + 10 }, checks, NOW)).toThrow('JWTIssuedAtFuture');
    expect(() => checkRegisteredClaims({ iat: NOW + 10 }, { ...checks, allowedSkew: 10 }, NOW)).not.toThrow();
  });

  test('tokens without iss or aud pass even when both are configured', () => {
    expect(() => checkRegisteredClaims({}, checks, NOW)).not.toThrow();
  });

  test('any one matching audience is enough; an empty list matches none', () => {
    expect(() => checkRegisteredClaims({ aud: ['other', 'portal'] }, checks, NOW)).not.toThrow();
    expect(() => checkRegisteredClaims({ aud: [] }, { allowedSkew: 0 }, NOW)).toThrow('JWTNotInAudience');
  });

  test('the checks run in the library\'s order: expiry before issuer', () => {
    expect(() => checkRegisteredClaims({ exp: NOW - 1, iss: 'other' }, checks, NOW)).toThrow('JWTExpired');
  });
});

describe('claims_namespace_path', () => {
  test.each([
    ['$.hasura.claims', '$.hasura.claims'],
    ['hasura.claims', '$.hasura.claims'],
    ["$['https://example.com/claims'].roles[0]", "$['https://example.com/claims'].roles[0]"],
    ['$', '$'],
  ])('%s', (text, formatted) => {
    expect(formatClaimsPath(parseClaimsPath(text))).toBe(formatted);
  });

  test('lookup follows keys and indexes, and misses cleanly', () => {
    const value = { a: { 'b.c': [{ d: 1 }] } };
    expect(lookupClaimsPath(value, parseClaimsPath("$.a['b.c'][0].d"))).toBe(1);
    expect(lookupClaimsPath(value, parseClaimsPath('$.a.x.y'))).toBeUndefined();
    expect(lookupClaimsPath(value, parseClaimsPath('$'))).toBe(value);
  });
});
