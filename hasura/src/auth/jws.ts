import { constants, createHmac, timingSafeEqual, verify, type KeyObject } from 'node:crypto';
import type { JwtKey } from './jwt-keys.ts';

/**
 * A JOSE failure, named the way Hasura prints the error of its JOSE library (`JWTExpired`,
 * `JWSError JWSInvalidSignature`, …); the caller prefixes "Could not verify JWT: ".
 */
export class JoseError extends Error {
  override name = 'JoseError';
}

export interface DecodedJws {
  alg: string;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const NOT_JSON = 'Error in $: Failed reading: not a valid json value';

/** Haskell's `show` of a string: the form Hasura's messages quote nested errors in. */
export function showString(text: string): string {
  return JSON.stringify(text);
}

/** The aeson name of a JSON value's type, for "expected X, but encountered Y" messages. */
export function jsonTypeName(value: unknown): string {
  if (value === null) return 'Null';
  if (Array.isArray(value)) return 'Array';
  return { string: 'String', number: 'Number', boolean: 'Boolean' }[typeof value as string] ?? 'Object';
}

function decodePart(part: string): unknown {
  if (!BASE64URL.test(part)) throw new SyntaxError(NOT_JSON);
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new SyntaxError(NOT_JSON);
  }
}

function decodeObject(part: string, wrap: (detail: string) => string): Record<string, unknown> {
  let value: unknown;
  try {
    value = decodePart(part);
  } catch (error) {
    throw new JoseError(wrap((error as Error).message));
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new JoseError(wrap(`Error in $: parsing Object failed, expected Object, but encountered ${jsonTypeName(value)}`));
  }
  return value as Record<string, unknown>;
}

/** Splits and decodes a compact JWS; its claims still have to be checked. */
export function decodeCompactJws(token: string): DecodedJws {
  const parts = token.split('.');
  if (parts.length !== 3) {
    throw new JoseError(`JWSError (CompactDecodeError Invalid number of parts: Expected 3 parts; got ${parts.length})`);
  }
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeObject(headerPart, (detail) => `JWSError (JSONDecodeError ${showString(detail)})`);
  if (typeof header.alg !== 'string') throw new JoseError(`JWSError (JSONDecodeError ${showString('Error in $: key "alg" not found')})`);
  if (!BASE64URL.test(signaturePart)) throw new JoseError(`JWSError (JSONDecodeError ${showString(NOT_JSON)})`);
  const payload = decodeObject(payloadPart, (detail) => `JWTClaimsSetDecodeError ${showString(detail)}`);
  return { alg: header.alg, payload, signingInput: `${headerPart}.${payloadPart}`, signature: Buffer.from(signaturePart, 'base64url') };
}

const DIGEST: Record<string, string> = { 256: 'sha256', 384: 'sha384', 512: 'sha512' };
const CURVE: Record<string, string> = { ES256: 'prime256v1', ES384: 'secp384r1', ES512: 'secp521r1' };
/** Algorithms Hasura's JOSE library validates by default (`none` is not one of them). */
const SIGNING_ALGORITHMS = /^(?:(?:HS|RS|PS|ES)(?:256|384|512)|EdDSA)$/;

function verifyPublic(alg: string, key: KeyObject, data: Buffer, signature: Buffer): boolean {
  const digest = DIGEST[alg.slice(2)];
  const type = key.asymmetricKeyType;
  if (alg === 'EdDSA') return type === 'ed25519' && verify(null, data, key, signature);
  if (alg.startsWith('RS') && type === 'rsa') return verify(digest, data, key, signature);
  if (alg.startsWith('PS') && type === 'rsa') {
    return verify(digest, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }, signature);
  }
  if (alg.startsWith('ES') && type === 'ec' && key.asymmetricKeyDetails?.namedCurve === CURVE[alg]) {
    return verify(digest, data, { key, dsaEncoding: 'ieee-p1363' }, signature);
  }
  return false;
}

function signatureMatches(jws: DecodedJws, key: JwtKey): boolean {
  const data = Buffer.from(jws.signingInput, 'ascii');
  if (key.kind === 'public') return verifyPublic(jws.alg, key.key, data, jws.signature);
  if (!jws.alg.startsWith('HS')) return false;
  const expected = createHmac(DIGEST[jws.alg.slice(2)]!, key.secret).update(data).digest();
  return expected.length === jws.signature.length && timingSafeEqual(expected, jws.signature);
}

/** Checks the signature; a key of the wrong kind for the token's `alg` is an invalid signature, as in Hasura. */
export function verifyJwsSignature(jws: DecodedJws, key: JwtKey): void {
  if (!SIGNING_ALGORITHMS.test(jws.alg)) throw new JoseError('JWSError JWSNoSignatures');
  let valid = false;
  try {
    valid = signatureMatches(jws, key);
  } catch {
    valid = false;
  }
  if (!valid) throw new JoseError('JWSError JWSInvalidSignature');
}
