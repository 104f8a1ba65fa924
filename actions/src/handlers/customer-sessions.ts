import { z } from 'zod';
import { listActiveSessions } from '../auth/refresh-tokens.ts';
import { requireSessionUser } from '../auth/session-user.ts';
import { defineAction } from '../http/define-action.ts';

/** customerSessions (query): the signed-in user's active sessions, most recently active first. */
export const customerSessions = defineAction('customerSessions', z.object({}), async (ctx) => {
  const user = await requireSessionUser(ctx.deps.pool, ctx.session);
  return listActiveSessions(ctx.deps.pool, user.id, ctx.now);
});
