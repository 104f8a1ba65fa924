import { z } from 'zod';
import { throttleClient } from '../auth/throttle.ts';
import { inTransaction } from '../db/transaction.ts';
import { defineAction } from '../http/define-action.ts';
import { enrollingUser } from '../sign-in/enrollment-ticket.ts';
import { newEnrollment, storePendingEnrollment } from '../sign-in/mfa-enrollment.ts';
import { opaqueToken } from '../validation/input-fields.ts';

const input = z.object({ mfaTicket: opaqueToken });

/**
 * customerStartRequiredMfa: for a person whose company requires a second factor, right after the
 * password step (customerLogin answered MFA_ENROLLMENT_REQUIRED with a ticket): a new secret, QR
 * code and backup codes, shown this once. Calling it again replaces them.
 */
export const customerStartRequiredMfa = defineAction('customerStartRequiredMfa', input, async (ctx, args) => {
  await throttleClient(ctx, 'sign-in');
  return inTransaction(ctx.deps.pool, async (tx) => {
    const { user } = await enrollingUser(ctx, tx, args.mfaTicket);
    const enrollment = await newEnrollment(ctx, user);
    await storePendingEnrollment(ctx, tx, user, enrollment);
    return enrollment;
  });
});
