import { z } from 'zod';
import { logUserActivity } from '../audit/user-activity.ts';
import { newCustomerSession } from '../auth/customer-session.ts';
import { revokeAllSessions } from '../auth/refresh-tokens.ts';
import { requireSessionUser } from '../auth/session-user.ts';
import { inTransaction } from '../db/transaction.ts';
import { ActionError, fail, unwrap } from '../errors/action-error.ts';
import { defineAction } from '../http/define-action.ts';
import { queueEmail } from '../notifications/outbox.ts';
import { reauthenticate } from '../sign-in/reauthenticate.ts';
import { password } from '../validation/input-fields.ts';

const input = z.object({ currentPassword: password });

/**
 * customerDisableMFA: needs the current password; removes the secret and backup codes, ends all
 * sessions, returns a fresh one. Refused while the company requires a second factor.
 */
export const customerDisableMFA = defineAction('customerDisableMFA', input, async (ctx, args) => {
  const user = await reauthenticate(ctx, args.currentPassword);
  if (!user.mfa_enabled) throw new ActionError('MFA_NOT_ENABLED');
  if (user.customer_require_mfa) throw new ActionError('MFA_REQUIRED_BY_COMPANY');
  return unwrap(
    await inTransaction(ctx.deps.pool, async (tx) => {
      const locked = await requireSessionUser(tx, ctx.session, true);
      if (!locked.mfa_enabled) return fail('MFA_NOT_ENABLED');
      await tx.query(
        `update public.customer_users
            set mfa_enabled = false, mfa_secret_encrypted = null, mfa_pending_secret_encrypted = null, mfa_enabled_at = null
          where id = $1`,
        [locked.id],
      );
      await tx.query('delete from public.mfa_backup_codes where user_id = $1', [locked.id]);
      const endedSessions = await revokeAllSessions(tx, locked.id, 'MFA_CHANGED', ctx.now);
      await queueEmail(tx, ctx.services.box, locked, { template: 'MFA_CHANGED', payload: { enabled: false, changed_at: ctx.now } }, ctx.now);
      await logUserActivity(ctx, tx, locked, 'auth.mfa_disabled', { ended_sessions: endedSessions });
      return newCustomerSession(ctx, tx, locked);
    }),
  );
});
