import { z } from 'zod';
import { logUserActivity } from '../audit/user-activity.ts';
import { assertAcceptablePassword } from '../auth/check-new-password.ts';
import { recordSuccess } from '../auth/lockout.ts';
import { consumeOneTimeToken } from '../auth/one-time-tokens.ts';
import { revokeAllSessions } from '../auth/refresh-tokens.ts';
import { throttleClient } from '../auth/throttle.ts';
import { accountWords, findUserById, isUsable, setPasswordHash } from '../auth/users.ts';
import { inTransaction } from '../db/transaction.ts';
import { fail, unwrap } from '../errors/action-error.ts';
import { defineAction } from '../http/define-action.ts';
import { queueEmail } from '../notifications/outbox.ts';
import { newPassword, opaqueToken } from '../validation/input-fields.ts';

const input = z.object({ token: opaqueToken, newPassword });

/**
 * customerResetPassword: sets a new password from an emailed link. It ends every session and forgets
 * the failed attempts of the address it is called from (not an attacker's elsewhere), but does not sign in: the next sign-in still asks for the second factor when MFA is
 * on, so a mailbox alone never opens the account. A rejected password leaves the link usable.
 */
export const customerResetPassword = defineAction('customerResetPassword', input, async (ctx, args) => {
  await throttleClient(ctx, 'email');
  return unwrap(
    await inTransaction(ctx.deps.pool, async (tx) => {
      const consumed = await consumeOneTimeToken(tx, args.token, 'PASSWORD_RESET', ctx.now);
      if ('failure' in consumed) return consumed;
      const user = await findUserById(tx, consumed.userId, true);
      if (!user || !isUsable(user)) return fail('INVALID_TOKEN');
      // Throws WEAK_PASSWORD, which rolls back and so keeps the link for another try.
      await assertAcceptablePassword(ctx.deps, args.newPassword, accountWords(user));
      await setPasswordHash(tx, user.id, await ctx.services.passwords.hash(args.newPassword), ctx.now);
      await recordSuccess(tx, { tenantId: user.tenant_id, email: user.email, deviceId: null, ip: ctx.client.ip });
      // Receiving the link proves the address, so an unconfirmed account becomes confirmed.
      await tx.query('update public.customer_users set email_verified_at = coalesce(email_verified_at, $2) where id = $1', [user.id, ctx.now]);
      const endedSessions = await revokeAllSessions(tx, user.id, 'PASSWORD_RESET', ctx.now);
      await queueEmail(tx, ctx.services.box, user, { template: 'PASSWORD_CHANGED', payload: { changed_at: ctx.now, by: 'reset' } }, ctx.now);
      await logUserActivity(ctx, tx, user, 'auth.password_reset', { ended_sessions: endedSessions });
      return { ok: true };
    }),
  );
});
