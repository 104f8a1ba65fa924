import { logUserActivity } from '../audit/user-activity.ts';
import { recordFailure } from '../auth/lockout.ts';
import { requireSessionUser } from '../auth/session-user.ts';
import type { UserRow } from '../auth/users.ts';
import { inTransaction } from '../db/transaction.ts';
import { ActionError } from '../errors/action-error.ts';
import type { ActionContext } from '../http/action-context.ts';
import { assertMayAttempt } from './attempts.ts';

/**
 * Re-authentication before changing a credential (password, MFA): the signed-in user must type
 * their current password. Wrong guesses count as failed attempts from this address like failed
 * sign-ins, so a stolen session cannot be used to find the password.
 */
export async function reauthenticate(ctx: ActionContext, password: string): Promise<UserRow> {
  const user = await requireSessionUser(ctx.deps.pool, ctx.session);
  const source = { tenantId: user.tenant_id, email: user.email, deviceId: null, ip: ctx.client.ip };
  await assertMayAttempt(ctx, source, undefined);
  if (await ctx.services.passwords.verify(password, user.password_hash)) return user;
  const refused = await inTransaction(ctx.deps.pool, async (tx) => {
    const { sourceLocked } = await recordFailure(tx, source, ctx.deps.config.lockout, ctx.now);
    await logUserActivity(ctx, tx, user, 'auth.reauthentication_failed', { source_locked: sourceLocked });
    return new ActionError(sourceLocked ? 'ACCOUNT_LOCKED' : 'CURRENT_PASSWORD_INCORRECT');
  });
  throw refused;
}
