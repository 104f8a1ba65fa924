import { z } from 'zod';
import { requireSessionUser } from '../auth/session-user.ts';
import { inTransaction } from '../db/transaction.ts';
import { ActionError, fail, unwrap } from '../errors/action-error.ts';
import { defineAction } from '../http/define-action.ts';
import { newEnrollment, storePendingEnrollment } from '../sign-in/mfa-enrollment.ts';
import { reauthenticate } from '../sign-in/reauthenticate.ts';
import { password } from '../validation/input-fields.ts';

const input = z.object({ currentPassword: password });

/**
 * customerEnrollMFA: step one of turning MFA on. Needs the current password; stores the new TOTP
 * secret as pending (encrypted) and ten backup codes (hashed), and returns them this once. MFA is
 * on only after customerVerifyMFA accepts a code from the app.
 */
export const customerEnrollMFA = defineAction('customerEnrollMFA', input, async (ctx, args) => {
  const user = await reauthenticate(ctx, args.currentPassword);
  if (user.mfa_enabled) throw new ActionError('MFA_ALREADY_ENABLED');
  const enrollment = await newEnrollment(ctx, user);
  unwrap(
    await inTransaction(ctx.deps.pool, async (tx) => {
      const locked = await requireSessionUser(tx, ctx.session, true);
      if (locked.mfa_enabled) return fail('MFA_ALREADY_ENABLED');
      await storePendingEnrollment(ctx, tx, locked, enrollment);
      return null;
    }),
  );
  return enrollment;
});
