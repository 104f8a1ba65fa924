import { z } from 'zod';
import { logUserActivity } from '../audit/user-activity.ts';
import { newCustomerSession } from '../auth/customer-session.ts';
import { claimOnce } from '../auth/rate-limit.ts';
import { revokeAllSessions } from '../auth/refresh-tokens.ts';
import { requireSessionUser } from '../auth/session-user.ts';
import { matchTotpStep } from '../auth/totp.ts';
import { mfaSecretContext } from '../crypto/encryption.ts';
import { inTransaction } from '../db/transaction.ts';
import { fail, unwrap } from '../errors/action-error.ts';
import { defineAction } from '../http/define-action.ts';
import { queueEmail } from '../notifications/outbox.ts';
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
      if (user.mfa_enabled) return fail('MFA_ALREADY_ENABLED');
      if (!user.mfa_pending_secret_encrypted) return fail('MFA_ENROLLMENT_NOT_STARTED');
      const secret = ctx.services.box.decrypt(user.mfa_pending_secret_encrypted, mfaSecretContext(user.id));
      const step = matchTotpStep(secret, args.code, ctx.now);
      if (step === null || !(await claimOnce(tx, `totp:${user.id}:${step}`, ctx.now))) return fail('INVALID_MFA_CODE');
      await tx.query(
        `update public.customer_users
            set mfa_enabled = true, mfa_secret_encrypted = mfa_pending_secret_encrypted,
                mfa_pending_secret_encrypted = null, mfa_enabled_at = $2
          where id = $1`,
        [user.id, ctx.now],
      );
      const endedSessions = await revokeAllSessions(tx, user.id, 'MFA_CHANGED', ctx.now);
      await queueEmail(tx, ctx.services.box, user, { template: 'MFA_CHANGED', payload: { enabled: true, changed_at: ctx.now } }, ctx.now);
      await logUserActivity(ctx, tx, user, 'auth.mfa_enabled', { ended_sessions: endedSessions });
      return newCustomerSession(ctx, tx, user);
    }),
  );
});
