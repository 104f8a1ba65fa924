import { z } from 'zod';
import { logUserActivity } from '../audit/user-activity.ts';
import { sessionLifetimes, sessionOutput } from '../auth/customer-session.ts';
import { findRefreshToken, revokeFamily, rotateRefreshToken } from '../auth/refresh-tokens.ts';
import { optionalUserSession } from '../auth/session-user.ts';
import { findUserById, isUsable } from '../auth/users.ts';
import { inTransaction } from '../db/transaction.ts';
import { ActionError, fail, unwrap } from '../errors/action-error.ts';
import { defineAction } from '../http/define-action.ts';
import { mustEnrollMfa } from '../sign-in/mfa-enrollment.ts';
import { opaqueToken } from '../validation/input-fields.ts';

const input = z.object({ refreshToken: opaqueToken });

/**
 * customerRefreshToken: a new access token and a new refresh token for the same session. The old
 * refresh token stops working; presenting it again ends the whole session (reuse detection). The
 * session's inactivity timeout restarts, its absolute end does not move.
 */
export const customerRefreshToken = defineAction('customerRefreshToken', input, async (ctx, args) => {
  return unwrap(
    await inTransaction(ctx.deps.pool, async (tx) => {
      const caller = optionalUserSession(ctx.session);
      if (caller) {
        const owner = await findRefreshToken(tx, args.refreshToken);
        if (owner && owner.user_id !== caller.userId) throw new ActionError('INVALID_REFRESH_TOKEN', { detail: 'token of another user' });
      }
      const outcome = await rotateRefreshToken(tx, args.refreshToken, sessionLifetimes(ctx), ctx.client, ctx.now);
      if (outcome.kind === 'unknown' || outcome.kind === 'revoked') return fail('INVALID_REFRESH_TOKEN', { detail: outcome.kind });
      const user = await findUserById(tx, outcome.userId);
      if (!user) return fail('INVALID_REFRESH_TOKEN');
      if (outcome.kind === 'expired') return fail('SESSION_EXPIRED');
      if (outcome.kind === 'reused') {
        await revokeFamily(tx, outcome.familyId, 'REUSE_DETECTED', ctx.now);
        await logUserActivity(ctx, tx, user, 'auth.refresh_token_reused', { session_id: outcome.familyId });
        ctx.deps.logger.warn({ userId: user.id, sessionId: outcome.familyId }, 'refresh token reuse detected; session revoked');
        return fail('INVALID_REFRESH_TOKEN', { detail: 'reuse detected' });
      }
      if (!isUsable(user)) {
        await revokeFamily(tx, outcome.issued.sessionId, 'SESSION_REVOKED', ctx.now);
        return fail('INVALID_REFRESH_TOKEN', { detail: 'account inactive' });
      }
      // The company began to require a second factor: sign in again, which leads to setting one up.
      if (mustEnrollMfa(user)) {
        await revokeFamily(tx, outcome.issued.sessionId, 'SESSION_REVOKED', ctx.now);
        return fail('MFA_ENROLLMENT_REQUIRED');
      }
      await logUserActivity(ctx, tx, user, 'auth.session_refreshed', { session_id: outcome.issued.sessionId });
      return sessionOutput(ctx, tx, user, outcome.issued);
    }),
  );
});
