import { randomBytes } from 'node:crypto';
import { randomToken, sha256Hex } from '../crypto/tokens.ts';

/**
 * Integrator API keys look like `<key_prefix>.<secret>`. The prefix is stored in clear to find the
 * client; the whole key is stored as its SHA-256 (hex). A fast hash is enough because the secret is
 * long and random, unlike a password. The seed writes keys with the same functions that
 * `integratorToken` verifies them with.
 */
export function splitApiKey(apiKey: string): { prefix: string; secret: string } {
  const dot = apiKey.indexOf('.');
  if (dot < 0) throw new Error('an API key has the form <prefix>.<secret>');
  return { prefix: apiKey.slice(0, dot), secret: apiKey.slice(dot + 1) };
}

export function hashApiKey(apiKey: string): string {
  return sha256Hex(apiKey);
}

/**
 * A new key: `pk_` and 16 hex characters as the prefix (64 random bits, so the unique prefix does
 * not collide in practice) and 256 random bits as the secret.
 */
export function generateApiKey(): { apiKey: string; prefix: string } {
  const prefix = `pk_${randomBytes(8).toString('hex')}`;
  return { apiKey: `${prefix}.${randomToken()}`, prefix };
}
