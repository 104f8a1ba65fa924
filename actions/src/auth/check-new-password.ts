import type { AppDeps } from '../app-deps.ts';
import { ActionError } from '../errors/action-error.ts';
import { isBreachedOnline } from './breach-check.ts';
import { contextWords, offlinePasswordProblem, WEAK_PASSWORD_MESSAGES, type WeakPasswordReason } from './password-policy.ts';

/**
 * Throws WEAK_PASSWORD (with `extensions.reason` and a message saying what to change) unless the
 * new password passes the policy. `context` lists the account's own words: email, names, company.
 */
export async function assertAcceptablePassword(
  deps: Pick<AppDeps, 'config' | 'fetch' | 'logger'>,
  password: string,
  context: readonly (string | null | undefined)[],
): Promise<void> {
  let reason: WeakPasswordReason | null = offlinePasswordProblem(password, contextWords(context));
  if (!reason && deps.config.breachCheckUrl) {
    if (await isBreachedOnline(password, deps.config.breachCheckUrl, deps.fetch, deps.logger)) reason = 'BREACHED';
  }
  if (reason) {
    throw new ActionError('WEAK_PASSWORD', { message: WEAK_PASSWORD_MESSAGES[reason], extensions: { reason } });
  }
}
