import { z } from 'zod';
import { newCustomerSession } from '../auth/customer-session.ts';
import { requireSessionUser } from '../auth/session-user.ts';
import { inTransaction } from '../db/transaction.ts';
import { unwrap } from '../errors/action-error.ts';
import { defineAction } from '../http/define-action.ts';
import { completeEnrollment } from '../sign-in/mfa-enrollment.ts';
import { secondFactorCode } from '../validation/input-fields.ts';

const input = z.object({ code: secondFactorCode });

/**
 * customerVerifyMFA: turns MFA on once a code from the pending secret checks out, proving the app
 * holds it. Like every credential change it ends all sessions and returns a fresh one.
 */
export const customerVerifyMFA = defineAction('customerVerifyMFA', input, async (ctx, args) => {
  return unwrap(
    await inTransaction(ctx.deps.pool, async (tx) => {
      const user = await requireSessionUser(tx, ctx.session, true);
      return (await completeEnrollment(ctx, tx, user, args.code)) ?? newCustomerSession(ctx, tx, user);
    }),
  );
});
