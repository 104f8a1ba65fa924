import { z } from 'zod';
import { logUserActivity } from '../audit/user-activity.ts';
import { assertAcceptablePassword } from '../auth/check-new-password.ts';
import { consumeOneTimeToken } from '../auth/one-time-tokens.ts';
import { throttleClient } from '../auth/throttle.ts';
import { findUserById, setPasswordHash } from '../auth/users.ts';
import { inTransaction } from '../db/transaction.ts';
import { fail, unwrap } from '../errors/action-error.ts';
import { defineAction } from '../http/define-action.ts';
import { newPassword, opaqueToken, personName } from '../validation/input-fields.ts';

const input = z.object({ token: opaqueToken, password: newPassword, firstName: personName, lastName: personName });

/**
 * customerAcceptInvitation: the invited person names themselves and chooses a password with the
 * emailed link. Receiving the link proves the address, and the administrator approved them by
 * inviting, so the account can sign in at once (it does not sign in here). A refused password
 * leaves the link usable.
 */
export const customerAcceptInvitation = defineAction('customerAcceptInvitation', input, async (ctx, args) => {
  await throttleClient(ctx, 'email');
  return unwrap(
    await inTransaction(ctx.deps.pool, async (tx) => {
      const consumed = await consumeOneTimeToken(tx, args.token, 'INVITATION', ctx.now);
      if ('failure' in consumed) return consumed;
      const user = await findUserById(tx, consumed.userId, true);
      if (!user || user.approval_status !== 'INVITED' || !user.active) return fail('INVALID_TOKEN');
      // Throws WEAK_PASSWORD, which rolls back and so keeps the link for another try.
      await assertAcceptablePassword(ctx.deps, args.password, [user.email, user.email.split('@')[0], args.firstName, args.lastName]);
      await setPasswordHash(tx, user.id, await ctx.services.passwords.hash(args.password), ctx.now);
      await tx.query(
        `update public.customer_users
            set first_name = $2, last_name = $3, email_verified_at = $4, approval_status = 'APPROVED', approved_at = $4, approved_by = invited_by
          where id = $1`,
        [user.id, args.firstName, args.lastName, ctx.now],
      );
      await logUserActivity(ctx, tx, user, 'company.invitation_accepted');
      return { ok: true };
    }),
  );
});
