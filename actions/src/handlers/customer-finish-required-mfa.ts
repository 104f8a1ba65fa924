import { z } from 'zod';
import { throttleClient } from '../auth/throttle.ts';
import { inTransaction } from '../db/transaction.ts';
import { ActionError, unwrap } from '../errors/action-error.ts';
import { defineAction } from '../http/define-action.ts';
import { assertMayAttempt, attemptSource, countFailure } from '../sign-in/attempts.ts';
import { completeSignIn } from '../sign-in/complete-sign-in.ts';
import { enrollingUser } from '../sign-in/enrollment-ticket.ts';
import { completeEnrollment } from '../sign-in/mfa-enrollment.ts';
import { spendTicket } from '../sign-in/ticket-use.ts';
import { deviceToken, opaqueToken, secondFactorCode } from '../validation/input-fields.ts';

const input = z.object({ mfaTicket: opaqueToken, code: secondFactorCode, deviceToken });

/**
 * customerFinishRequiredMfa: the first code from the new app turns the second factor on and
 * completes the sign-in the ticket began (a session, as customerLoginMfa returns).
 */
export const customerFinishRequiredMfa = defineAction('customerFinishRequiredMfa', input, async (ctx, args) => {
  await throttleClient(ctx, 'sign-in');
  return unwrap(
    await inTransaction(ctx.deps.pool, async (tx) => {
      const { user, claims } = await enrollingUser(ctx, tx, args.mfaTicket);
      const source = await attemptSource(ctx, { tenantId: user.tenant_id, email: user.email, user }, args.deviceToken);
      await assertMayAttempt(ctx, source, user);
      const refused = await completeEnrollment(ctx, tx, user, args.code);
      if (refused) {
        if (refused.failure.code === 'INVALID_MFA_CODE') await countFailure(ctx, tx, source, user, 'wrong_second_factor');
        return refused;
      }
      if (!(await spendTicket(tx, claims, ctx.now))) throw new ActionError('MFA_TICKET_INVALID', { detail: 'ticket used concurrently' });
      return completeSignIn(ctx, tx, { ...user, mfa_enabled: true }, 'totp', source);
    }),
  );
});
