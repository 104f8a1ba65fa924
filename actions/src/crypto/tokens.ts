import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** An opaque secret for a client to hold (refresh tokens, email links): 256 random bits, URL-safe. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * How high-entropy secrets are stored: SHA-256, hex. A slow hash adds nothing when the secret has 256
 * random bits; what matters is that the database never holds a usable token.
 */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Keyed hash for low-entropy secrets (backup codes): a stolen table alone cannot be brute-forced. */
export function hmacHex(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex');
}

/** Compares two secrets in time that does not depend on where they differ, nor on their lengths. */
export function constantTimeEqual(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
