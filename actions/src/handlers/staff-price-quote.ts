import { z } from 'zod';
import { requireRole, requireSessionUser } from '../auth/session-user.ts';
import { inTransaction } from '../db/transaction.ts';
import { unwrap } from '../errors/action-error.ts';
import { defineAction } from '../http/define-action.ts';
import { priceQuote } from '../quotes/price-quote.ts';
import { calendarDate, money, optionalMoney, optionalText } from '../validation/input-fields.ts';

const input = z.object({
  quoteId: z.uuid(),
  lines: z.array(z.object({ lineId: z.uuid(), unitPrice: money })).min(1, 'give a unit price for every line').max(500),
  setupAmount: optionalMoney,
  taxAmount: optionalMoney,
  shippingAmount: optionalMoney,
  validUntil: calendarDate,
  noteToCustomer: optionalText(4000),
});

/** staffPriceQuote: the printer's staff price a quote of their tenant as its next revision. */
export const staffPriceQuote = defineAction('staffPriceQuote', input, async (ctx, args) => {
  const session = requireRole(ctx.session, ['staff']);
  return unwrap(
    await inTransaction(ctx.deps.pool, async (tx) => {
      const user = await requireSessionUser(tx, ctx.session);
      return priceQuote(ctx, tx, { id: user.id, tenant_id: user.tenant_id, role: session.role }, args);
    }),
  );
});
