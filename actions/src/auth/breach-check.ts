import { createHash } from 'node:crypto';
import type { Logger } from '../logger.ts';

/**
 * The optional online check (Have I Been Pwned's k-anonymity range API or a mirror of it): only the
 * first 5 hex characters of the password's SHA-1 leave the server. If the service cannot be reached
 * the password is accepted (the offline list still applies) and a warning is logged.
 */
export async function isBreachedOnline(
  password: string,
  baseUrl: string,
  fetchFn: typeof fetch,
  logger: Logger,
): Promise<boolean> {
  const digest = createHash('sha1').update(password, 'utf8').digest('hex').toUpperCase();
  const prefix = digest.slice(0, 5);
  const suffix = digest.slice(5);
  try {
    const response = await fetchFn(`${baseUrl.replace(/\/$/, '')}/${prefix}`, {
      headers: { 'Add-Padding': 'true' },
      signal: AbortSignal.timeout(3000),
    });
    if (!response.ok) throw new Error(`status ${response.status}`);
    const body = await response.text();
    return body.split('\n').some((line) => {
      const [candidate, count] = line.trim().split(':');
      return candidate === suffix && Number(count) > 0;
    });
  } catch (error) {
    logger.warn({ err: (error as Error).message }, 'breached-password check unavailable; accepted on the offline list alone');
    return false;
  }
}
