import { z } from 'zod';
import { requireRole, requireSessionUser } from '../auth/session-user.ts';
import { inTransaction } from '../db/transaction.ts';
import { unwrap } from '../errors/action-error.ts';
import { defineAction } from '../http/define-action.ts';
import { answerQuote } from '../quotes/decide-quote.ts';
import { QUOTE_DECIDERS } from '../quotes/quote-rules.ts';
import { requiredText } from '../validation/input-fields.ts';

const input = z.object({ quoteId: z.uuid(), notes: requiredText(2000) });

/** customerRequestQuoteChanges: an approver (or admin) sends a priced quote back with what to change. */
export const customerRequestQuoteChanges = defineAction('customerRequestQuoteChanges', input, async (ctx, args) => {
  const session = requireRole(ctx.session, QUOTE_DECIDERS);
  return unwrap(
    await inTransaction(ctx.deps.pool, async (tx) => {
      const user = await requireSessionUser(tx, ctx.session);
      return answerQuote(ctx, tx, user, session.role, { quoteId: args.quoteId, answer: 'CHANGES_REQUESTED', text: args.notes });
    }),
  );
});
