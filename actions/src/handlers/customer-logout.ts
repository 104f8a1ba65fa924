import { z } from 'zod';
import { logUserActivity } from '../audit/user-activity.ts';
import { findRefreshToken, revokeAllSessions, revokeFamily } from '../auth/refresh-tokens.ts';
import { optionalUserSession } from '../auth/session-user.ts';
import { findUserById } from '../auth/users.ts';
import { inTransaction } from '../db/transaction.ts';
import { defineAction } from '../http/define-action.ts';
import { opaqueToken } from '../validation/input-fields.ts';

/** Hasura sends an omitted optional argument as absent or null: both mean false. */
const optionalFlag = z
  .boolean()
  .nullish()
  .transform((value) => value ?? false);

const input = z.object({ refreshToken: opaqueToken, allSessions: optionalFlag });

/**
 * customerLogout: ends the session of the refresh token, or with `allSessions` every session of its
 * user. Works without a valid access token (the refresh token is the proof) and answers the same
 * for unknown tokens, so signing out twice is harmless.
 */
export const customerLogout = defineAction('customerLogout', input, async (ctx, args) => {
  const revokedSessions = await inTransaction(ctx.deps.pool, async (tx) => {
    const token = await findRefreshToken(tx, args.refreshToken);
    const caller = optionalUserSession(ctx.session);
    if (!token || (caller && caller.userId !== token.user_id)) return 0;
    const user = await findUserById(tx, token.user_id, true);
    if (!user) return 0;
    const ended = args.allSessions
      ? await revokeAllSessions(tx, user.id, 'LOGOUT_ALL', ctx.now)
      : Number(await revokeFamily(tx, token.family_id, 'LOGOUT', ctx.now));
    await logUserActivity(ctx, tx, user, args.allSessions ? 'auth.sign_out_all' : 'auth.sign_out', { session_id: token.family_id, ended_sessions: ended });
    return ended;
  });
  return { revokedSessions };
});
