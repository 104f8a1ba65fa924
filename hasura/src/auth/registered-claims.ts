import { JoseError, jsonTypeName, showString } from './jws.ts';

/** What Hasura checks of a token's registered claims (`HASURA_GRAPHQL_JWT_SECRET`). */
export interface ClaimsChecks {
  audience?: string[];
  issuer?: string;
  /** Seconds of leeway for `exp`, `nbf` and `iat` (`allowed_skew`, default 0). */
  allowedSkew: number;
}

/** The registered claim names; everything else is an "unregistered" claim Hasura may read. */
export const REGISTERED_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti'] as const;

const NUMERIC_DATES = ['exp', 'nbf', 'iat'] as const;
const STRINGS = [['iss', 'StringOrURI'], ['sub', 'StringOrURI'], ['jti', 'Text']] as const;

function decodeError(claim: string, expected: string, name: string, value: unknown): JoseError {
  const detail = `Error in $.${claim}: parsing ${name} failed, expected ${expected}, but encountered ${jsonTypeName(value)}`;
  return new JoseError(`JWTClaimsSetDecodeError ${showString(detail)}`);
}

/** The claim types the JOSE library insists on before it looks at the signature. */
export function checkClaimTypes(payload: Record<string, unknown>): void {
  for (const [claim, name] of STRINGS) {
    const value = payload[claim];
    if (value !== undefined && typeof value !== 'string') throw decodeError(claim, 'String', name, value);
  }
  const aud = payload.aud;
  if (aud !== undefined && typeof aud !== 'string') {
    if (!Array.isArray(aud)) throw decodeError('aud', 'String', 'StringOrURI', aud);
    const bad = aud.find((item) => typeof item !== 'string');
    if (bad !== undefined) throw decodeError('aud', 'String', 'StringOrURI', bad);
  }
  for (const claim of NUMERIC_DATES) {
    const value = payload[claim];
    if (value !== undefined && typeof value !== 'number') throw decodeError(claim, 'Number', 'NumericDate', value);
  }
}

/**
 * Validates `exp`, `iat`, `nbf`, `iss` and `aud` in the order (and with the edge cases) of
 * Hasura's JOSE library: a token without `iss` or `aud` passes even when they are configured.
 */
export function checkRegisteredClaims(payload: Record<string, unknown>, checks: ClaimsChecks, nowSeconds: number): void {
  const skew = Math.abs(checks.allowedSkew);
  const { exp, iat, nbf, iss, aud } = payload as { exp?: number; iat?: number; nbf?: number; iss?: string; aud?: string | string[] };
  if (exp !== undefined && !(nowSeconds < exp + skew)) throw new JoseError('JWTExpired');
  if (iat !== undefined && iat > nowSeconds + skew) throw new JoseError('JWTIssuedAtFuture');
  if (nbf !== undefined && !(nowSeconds >= nbf - skew)) throw new JoseError('JWTNotYetValid');
  if (iss !== undefined && checks.issuer !== undefined && iss !== checks.issuer) throw new JoseError('JWTNotInIssuer');
  if (aud !== undefined) {
    const audiences = typeof aud === 'string' ? [aud] : aud;
    const accepted = checks.audience;
    if (!audiences.some((item) => accepted === undefined || accepted.includes(item))) throw new JoseError('JWTNotInAudience');
  }
}
