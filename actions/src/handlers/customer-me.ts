import { z } from 'zod';
import { loadProfile } from '../auth/profile.ts';
import { requireSessionUser } from '../auth/session-user.ts';
import { defineAction } from '../http/define-action.ts';

/** customerMe (query): the signed-in person, their company and portal, in one round trip. */
export const customerMe = defineAction('customerMe', z.object({}), async (ctx) => {
  const user = await requireSessionUser(ctx.deps.pool, ctx.session);
  return loadProfile(ctx.deps.pool, user.id);
});
