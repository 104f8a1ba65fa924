import { createHash } from 'node:crypto';

/**
 * Integrator API keys look like `<key_prefix>.<secret>`. The prefix is stored in clear to find the
 * client; the whole key is stored as its SHA-256 (hex). A fast hash is enough because the secret is
 * long and random, unlike a password.
 */
export function splitApiKey(apiKey: string): { prefix: string; secret: string } {
  const dot = apiKey.indexOf('.');
  if (dot < 0) throw new Error('an API key has the form <prefix>.<secret>');
  return { prefix: apiKey.slice(0, dot), secret: apiKey.slice(dot + 1) };
}

export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}
