import { logUserActivity } from '../audit/user-activity.ts';
import { isLocked, recordFailure } from '../auth/lockout.ts';
import { requireSessionUser } from '../auth/session-user.ts';
import type { UserRow } from '../auth/users.ts';
import { inTransaction } from '../db/transaction.ts';
import { ActionError } from '../errors/action-error.ts';
import type { ActionContext } from '../http/action-context.ts';

/**
 * Re-authentication before changing a credential (password, MFA): the signed-in user must type
 * their current password. Wrong guesses count towards the lockout like failed sign-ins, so a stolen
 * session cannot be used to find the password.
 */
export async function reauthenticate(ctx: ActionContext, password: string): Promise<UserRow> {
  const user = await requireSessionUser(ctx.deps.pool, ctx.session);
  if (isLocked(user, ctx.now)) throw new ActionError('ACCOUNT_LOCKED');
  if (await ctx.services.passwords.verify(password, user.password_hash)) return user;
  const refused = await inTransaction(ctx.deps.pool, async (tx) => {
    const locked = await requireSessionUser(tx, ctx.session, true);
    const justLocked = await recordFailure(tx, locked.id, locked, ctx.now, ctx.deps.config.lockout);
    await logUserActivity(ctx, tx, locked, 'auth.reauthentication_failed', { locked: justLocked });
    return new ActionError(justLocked ? 'ACCOUNT_LOCKED' : 'CURRENT_PASSWORD_INCORRECT');
  });
  throw refused;
}
