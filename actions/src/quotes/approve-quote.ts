import type { UserRole } from '@portal/common';
import type { UserRow } from '../auth/users.ts';
import { actAs } from '../db/hasura-session.ts';
import { maybeOne } from '../db/rows.ts';
import type { Queryable } from '../db/transaction.ts';
import { ActionError, fail, type Failure } from '../errors/action-error.ts';
import type { ActionContext } from '../http/action-context.ts';
import { createOrder } from './create-order.ts';
import { fromCents, toCents } from './money.ts';
import { notifyStaff } from './notify.ts';
import { contentHash } from './quote-evidence.ts';
import { logQuoteActivity } from './quote-activity.ts';
import { decisionRefusal, exceedsApprovalLimit, utcDay } from './quote-rules.ts';
import { findRevision, lockQuote, type QuoteRow, type RevisionRow } from './quote-store.ts';

export interface ApproveQuoteInput {
  quoteId: string;
  revision: number;
  customerPoNumber: string | null;
  requestedDeliveryDate: string | null;
}

export interface ApproveQuoteResult {
  quoteId: string;
  orderId: string;
  orderNumber: string;
}

/** The company's approval limit in cents (null: none), read under a share lock so it cannot change mid-approval. */
async function approvalLimit(tx: Queryable, customerId: string): Promise<bigint | null> {
  const row = await maybeOne<{ approval_limit: string | null }>(
    tx, 'select approval_limit::text from public.customers where id = $1 for share', [customerId],
  );
  return row?.approval_limit ? toCents(row.approval_limit) : null;
}

/** Why this approval is refused, with what the client may be told, or null. */
async function refusal(ctx: ActionContext, tx: Queryable, quote: QuoteRow, role: UserRole, revision: number): Promise<Failure | null> {
  const code = decisionRefusal(quote, utcDay(ctx.now));
  if (code === 'QUOTE_ALREADY_CONVERTED') return fail(code, { extensions: { orderId: quote.converted_order_id } });
  if (code) return fail(code);
  if (quote.revision !== revision) return fail('STALE_REVISION', { extensions: { currentRevision: quote.revision } });
  const limit = await approvalLimit(tx, quote.customer_id);
  if (exceedsApprovalLimit(toCents(quote.total_amount!), limit, role)) {
    return fail('APPROVAL_LIMIT_EXCEEDED', { extensions: { approvalLimit: fromCents(limit!) } });
  }
  return null;
}

/** The revision the customer approves, checked against its own hash (it is append-only; this catches tampering). */
async function approvedRevision(tx: Queryable, quote: QuoteRow): Promise<RevisionRow> {
  const revision = await findRevision(tx, quote.id, quote.revision);
  const verified = revision !== undefined && contentHash({
    quote_id: quote.id, revision: revision.revision, currency_code: revision.currency_code, valid_until: revision.valid_until,
    subtotal: revision.subtotal, setup_amount: revision.setup_amount, tax_amount: revision.tax_amount,
    shipping_amount: revision.shipping_amount, total_amount: revision.total_amount, lines: revision.lines,
  }) === revision.content_hash;
  if (!verified) throw new ActionError('INTERNAL', { detail: `revision ${quote.revision} of quote ${quote.id} is missing or does not match its hash` });
  return revision;
}

async function convert(ctx: ActionContext, tx: Queryable, quote: QuoteRow, user: UserRow, role: UserRole, input: ApproveQuoteInput): Promise<ApproveQuoteResult> {
  const revision = await approvedRevision(tx, quote);
  await actAs(tx, ctx.session);
  const poNumber = input.customerPoNumber ?? quote.customer_po_number;
  const order = await createOrder(tx, {
    tenantId: quote.tenant_id, customerId: quote.customer_id, placedBy: user.id, quoteId: quote.id,
    customerPoNumber: poNumber, requestedDeliveryDate: input.requestedDeliveryDate ?? quote.needed_by,
    currencyCode: revision.currency_code, subtotal: revision.subtotal, setupAmount: revision.setup_amount,
    taxAmount: revision.tax_amount, shippingAmount: revision.shipping_amount,
    lines: revision.lines.map((line) => ({ ...line, quote_line_id: line.line_id })),
  }, ctx.now);
  await tx.query(
    `update public.quotes set status = 'CONVERTED', converted_order_id = $2, decided_by = $3, decided_at = $4 where id = $1`,
    [quote.id, order.id, user.id, ctx.now],
  );
  await tx.query(
    `insert into public.quote_acceptances
       (tenant_id, customer_id, quote_id, order_id, revision, accepted_by, accepted_role, accepted_at, ip, user_agent,
        mfa_used, content_hash, customer_po_number, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $8)`,
    [quote.tenant_id, quote.customer_id, quote.id, order.id, revision.revision, user.id, role, ctx.now, ctx.client.ip,
      ctx.client.userAgent, user.mfa_enabled, revision.content_hash, poNumber],
  );
  const facts = { order_id: order.id, order_number: order.order_number, revision: revision.revision, total_amount: revision.total_amount };
  await logQuoteActivity(ctx, tx, quote, { id: user.id, role }, 'quote.approved', { ...facts, mfa_used: user.mfa_enabled, content_hash: revision.content_hash });
  await notifyStaff(tx, quote.tenant_id, {
    template: 'QUOTE_APPROVED', documentNumber: quote.quote_number,
    payload: { quote_id: quote.id, quote_number: quote.quote_number, ...facts, currency_code: revision.currency_code },
  }, ctx.now);
  return { quoteId: quote.id, orderId: order.id, orderNumber: order.order_number };
}

/**
 * The customer approves the revision they saw: under the quote's row lock, the checks (theirs,
 * priced, not expired, that revision, within the approval limit), then one order with the priced
 * lines, the links both ways, the acceptance evidence, the audit row and the staff notifications.
 * A second approval waits for the lock and then finds the quote CONVERTED.
 */
export async function approveQuote(ctx: ActionContext, tx: Queryable, user: UserRow, role: UserRole, input: ApproveQuoteInput): Promise<ApproveQuoteResult | Failure> {
  const quote = await lockQuote(tx, input.quoteId, { customerId: user.customer_id! });
  if (!quote) return fail('QUOTE_NOT_FOUND');
  const refused = await refusal(ctx, tx, quote, role, input.revision);
  if (refused) {
    await logQuoteActivity(ctx, tx, quote, { id: user.id, role }, 'quote.approval_refused', { reason: refused.failure.code, revision: input.revision });
    return refused;
  }
  return convert(ctx, tx, quote, user, role, input);
}
