import { z } from 'zod';
import { logUserActivity } from '../audit/user-activity.ts';
import { consumeOneTimeToken } from '../auth/one-time-tokens.ts';
import { findUserById } from '../auth/users.ts';
import { settleRegistration } from '../company/registration-approval.ts';
import { inTransaction } from '../db/transaction.ts';
import { fail, unwrap } from '../errors/action-error.ts';
import { defineAction } from '../http/define-action.ts';
import { opaqueToken } from '../validation/input-fields.ts';

const input = z.object({ token: opaqueToken });

/**
 * customerVerifyEmail: spends the emailed link and marks the address confirmed (it does not sign
 * in). A self-registration is then approved by its domain or waits for the company's administrator;
 * `approvalPending` says which.
 */
export const customerVerifyEmail = defineAction('customerVerifyEmail', input, async (ctx, args) => {
  return unwrap(
    await inTransaction(ctx.deps.pool, async (tx) => {
      const consumed = await consumeOneTimeToken(tx, args.token, 'EMAIL_VERIFICATION', ctx.now);
      if ('failure' in consumed) return consumed;
      const user = await findUserById(tx, consumed.userId, true);
      if (!user) return fail('INVALID_TOKEN');
      await tx.query('update public.customer_users set email_verified_at = coalesce(email_verified_at, $2) where id = $1', [user.id, ctx.now]);
      await logUserActivity(ctx, tx, user, 'auth.email_verified');
      return { ok: true, approvalPending: await settleRegistration(ctx, tx, user) };
    }),
  );
});
