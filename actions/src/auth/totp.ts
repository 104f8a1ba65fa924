import speakeasy from 'speakeasy';

const STEP_SECONDS = 30;
/** One step either side: tolerates 30 s of clock drift between the phone and the server. */
const WINDOW = 1;

export interface TotpEnrollment {
  /** Base32, as authenticator apps expect when typed in by hand. */
  secret: string;
  otpauthUrl: string;
}

/** A new TOTP secret (160 bits, RFC 4226's recommendation) and its otpauth:// URL for the QR code. */
export function newTotpSecret(issuer: string, accountName: string): TotpEnrollment {
  const secret = speakeasy.generateSecret({ length: 20 }).base32;
  // Built by hand: speakeasy leaves the label unencoded, and apps differ on `+` for spaces.
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
  const query = `secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=${STEP_SECONDS}`;
  return { secret, otpauthUrl: `otpauth://totp/${label}?${query}` };
}

export function isTotpShaped(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/**
 * The time step a code belongs to, or null when it matches none in the window. Callers record the
 * step so that the same code cannot be used twice (ASVS 6.5.1).
 */
export function matchTotpStep(secret: string, code: string, now: Date): number | null {
  if (!isTotpShaped(code)) return null;
  const time = Math.floor(now.getTime() / 1000);
  const match = speakeasy.totp.verifyDelta({ secret, encoding: 'base32', token: code, window: WINDOW, time, step: STEP_SECONDS });
  if (!match) return null;
  return Math.floor(time / STEP_SECONDS) + match.delta;
}

/** The current code for a secret; used by tests and the bench to act as the authenticator app. */
export function totpCodeAt(secret: string, at: Date): string {
  return speakeasy.totp({ secret, encoding: 'base32', time: Math.floor(at.getTime() / 1000), step: STEP_SECONDS });
}
