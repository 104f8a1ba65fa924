import { z } from 'zod';
import { requireRole, requireSessionUser } from '../auth/session-user.ts';
import { inTransaction } from '../db/transaction.ts';
import { unwrap } from '../errors/action-error.ts';
import { defineAction } from '../http/define-action.ts';
import { approveQuote } from '../quotes/approve-quote.ts';
import { QUOTE_DECIDERS } from '../quotes/quote-rules.ts';
import { calendarDate, optionalText } from '../validation/input-fields.ts';

const input = z.object({
  quoteId: z.uuid(),
  revision: z.number().int().positive(),
  customerPoNumber: optionalText(64),
  requestedDeliveryDate: calendarDate.nullish().transform((value) => value ?? null),
});

/** customerApproveQuote: an approver (or admin) approves the revision they saw; one sales order results. */
export const customerApproveQuote = defineAction('customerApproveQuote', input, async (ctx, args) => {
  const session = requireRole(ctx.session, QUOTE_DECIDERS);
  return unwrap(
    await inTransaction(ctx.deps.pool, async (tx) => {
      const user = await requireSessionUser(tx, ctx.session);
      return approveQuote(ctx, tx, user, session.role, args);
    }),
  );
});
