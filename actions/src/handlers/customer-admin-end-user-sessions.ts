import { z } from 'zod';
import { logActivity } from '../audit/activity-log.ts';
import { revokeAllSessions } from '../auth/refresh-tokens.ts';
import { adminActor, findColleague, fullName, refuseSelf, requireCompanyAdmin } from '../company/company-admin.ts';
import { inTransaction } from '../db/transaction.ts';
import { defineAction } from '../http/define-action.ts';

const input = z.object({ userId: z.uuid() });

/**
 * customerAdminEndUserSessions: signs a colleague out everywhere (a lost laptop, someone leaving).
 * Their access tokens still work until they expire (AUTH_ACCESS_TOKEN_MINUTES). One's own
 * sessions are ended on the security page.
 */
export const customerAdminEndUserSessions = defineAction('customerAdminEndUserSessions', input, async (ctx, args) => {
  return inTransaction(ctx.deps.pool, async (tx) => {
    const admin = await requireCompanyAdmin(ctx, tx);
    const user = await findColleague(tx, admin, args.userId);
    refuseSelf(admin, user);
    const endedSessions = await revokeAllSessions(tx, user.id, 'ENDED_BY_ADMIN', ctx.now);
    const details = { name: fullName(user), ended_sessions: endedSessions };
    await logActivity(tx, { ...adminActor(admin), action: 'company.user_sessions_ended', entityType: 'customer_users', entityId: user.id, details }, ctx.client, ctx.now);
    return { endedSessions };
  });
});
