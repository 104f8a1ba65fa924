import { z } from 'zod';
import { logUserActivity } from '../audit/user-activity.ts';
import { revokeFamily } from '../auth/refresh-tokens.ts';
import { requireSessionUser } from '../auth/session-user.ts';
import { maybeOne } from '../db/rows.ts';
import { inTransaction } from '../db/transaction.ts';
import { fail, unwrap } from '../errors/action-error.ts';
import { defineAction } from '../http/define-action.ts';

const input = z.object({ sessionId: z.uuid() });

/** customerRevokeSession: ends one of the caller's own sessions (any other id is SESSION_NOT_FOUND). */
export const customerRevokeSession = defineAction('customerRevokeSession', input, async (ctx, args) => {
  return unwrap(
    await inTransaction(ctx.deps.pool, async (tx) => {
      const user = await requireSessionUser(tx, ctx.session);
      const owned = await maybeOne(
        tx,
        'select 1 from public.refresh_tokens where family_id = $1 and user_id = $2 and revoked_at is null and rotated_at is null and expires_at > $3 and absolute_expires_at > $3',
        [args.sessionId, user.id, ctx.now],
      );
      if (!owned) return fail('SESSION_NOT_FOUND');
      await revokeFamily(tx, args.sessionId, 'SESSION_REVOKED', ctx.now);
      await logUserActivity(ctx, tx, user, 'auth.session_revoked', { session_id: args.sessionId });
      return { ok: true };
    }),
  );
});
