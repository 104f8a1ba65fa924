import { z } from 'zod';
import { requireRole, requireSessionUser } from '../auth/session-user.ts';
import { inTransaction } from '../db/transaction.ts';
import { unwrap } from '../errors/action-error.ts';
import { defineAction } from '../http/define-action.ts';
import { REORDERERS } from '../quotes/quote-rules.ts';
import { reorder } from '../quotes/reorder.ts';

const input = z.object({ orderId: z.uuid() });

/** customerReorder: any customer role orders a past order of the company again (or asks for a quote). */
export const customerReorder = defineAction('customerReorder', input, async (ctx, args) => {
  const session = requireRole(ctx.session, REORDERERS);
  return unwrap(
    await inTransaction(ctx.deps.pool, async (tx) => {
      const user = await requireSessionUser(tx, ctx.session);
      return reorder(ctx, tx, user, session.role, args.orderId);
    }),
  );
});
