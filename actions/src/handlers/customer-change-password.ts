import { z } from 'zod';
import { logUserActivity } from '../audit/user-activity.ts';
import { assertAcceptablePassword } from '../auth/check-new-password.ts';
import { newCustomerSession } from '../auth/customer-session.ts';
import { revokeAllSessions } from '../auth/refresh-tokens.ts';
import { requireSessionUser } from '../auth/session-user.ts';
import { accountWords, setPasswordHash } from '../auth/users.ts';
import { inTransaction } from '../db/transaction.ts';
import { defineAction } from '../http/define-action.ts';
import { queueEmail } from '../notifications/outbox.ts';
import { reauthenticate } from '../sign-in/reauthenticate.ts';
import { newPassword, password } from '../validation/input-fields.ts';

const input = z.object({ currentPassword: password, newPassword });

/**
 * customerChangePassword: needs the current password; ends every session (including the caller's)
 * and returns a fresh one, so a session stolen before the change stops working.
 */
export const customerChangePassword = defineAction('customerChangePassword', input, async (ctx, args) => {
  const user = await reauthenticate(ctx, args.currentPassword);
  await assertAcceptablePassword(ctx.deps, args.newPassword, accountWords(user));
  const hash = await ctx.services.passwords.hash(args.newPassword);
  return inTransaction(ctx.deps.pool, async (tx) => {
    const locked = await requireSessionUser(tx, ctx.session, true);
    await setPasswordHash(tx, locked.id, hash, ctx.now);
    const endedSessions = await revokeAllSessions(tx, locked.id, 'PASSWORD_CHANGED', ctx.now);
    await queueEmail(tx, ctx.services.box, locked, { template: 'PASSWORD_CHANGED', payload: { changed_at: ctx.now, by: 'user' } }, ctx.now);
    await logUserActivity(ctx, tx, locked, 'auth.password_changed', { ended_sessions: endedSessions });
    return newCustomerSession(ctx, tx, locked);
  });
});
