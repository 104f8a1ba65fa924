import type { UserRole } from '@portal/common';
import type { UserRow } from '../auth/users.ts';
import type { Queryable } from '../db/transaction.ts';
import { fail, type Failure } from '../errors/action-error.ts';
import type { ActionContext } from '../http/action-context.ts';
import { notifyStaff, type QuoteTemplate } from './notify.ts';
import { logQuoteActivity } from './quote-activity.ts';
import { decisionRefusal, utcDay } from './quote-rules.ts';
import { lockQuote } from './quote-store.ts';

/** The two decisions that send a priced quote back: rejection with a reason, or a change request. */
export type QuoteAnswer = 'REJECTED' | 'CHANGES_REQUESTED';

export interface QuoteAnswerResult {
  quoteId: string;
  status: QuoteAnswer;
}

const ANSWERS: Record<QuoteAnswer, { sql: string; action: string; template: QuoteTemplate; textKey: string }> = {
  REJECTED: {
    sql: `update public.quotes set status = 'REJECTED', rejection_reason = $2, decided_by = $3, decided_at = $4 where id = $1`,
    action: 'quote.rejected',
    template: 'QUOTE_REJECTED',
    textKey: 'reason',
  },
  CHANGES_REQUESTED: {
    sql: `update public.quotes set status = 'CHANGES_REQUESTED', change_request_notes = $2, changes_requested_by = $3,
                 changes_requested_at = $4 where id = $1`,
    action: 'quote.changes_requested',
    template: 'QUOTE_CHANGES_REQUESTED',
    textKey: 'notes',
  },
};

/**
 * The customer rejects a priced quote or asks for changes, with their text, under the quote's row
 * lock and with the same checks as an approval (theirs, priced, not expired). Staff are told.
 */
export async function answerQuote(
  ctx: ActionContext,
  tx: Queryable,
  user: UserRow,
  role: UserRole,
  input: { quoteId: string; answer: QuoteAnswer; text: string },
): Promise<QuoteAnswerResult | Failure> {
  const quote = await lockQuote(tx, input.quoteId, { customerId: user.customer_id! });
  if (!quote) return fail('QUOTE_NOT_FOUND');
  const refusal = decisionRefusal(quote, utcDay(ctx.now));
  if (refusal) return fail(refusal);
  const answer = ANSWERS[input.answer];
  await tx.query(answer.sql, [quote.id, input.text, user.id, ctx.now]);
  await logQuoteActivity(ctx, tx, quote, { id: user.id, role }, answer.action, { revision: quote.revision, [answer.textKey]: input.text });
  await notifyStaff(tx, quote.tenant_id, {
    template: answer.template, documentNumber: quote.quote_number,
    payload: { quote_id: quote.id, quote_number: quote.quote_number, revision: quote.revision, [answer.textKey]: input.text },
  }, ctx.now);
  return { quoteId: quote.id, status: input.answer };
}
