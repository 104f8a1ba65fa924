import { all } from '../db/rows.ts';
import type { Queryable } from '../db/transaction.ts';
import { fail, type Failure } from '../errors/action-error.ts';
import type { ActionContext } from '../http/action-context.ts';
import { fromCents, MAX_CENTS, toCents } from './money.ts';
import { notifyPerson } from './notify.ts';
import { contentHash, type RevisionContent } from './quote-evidence.ts';
import { logQuoteActivity } from './quote-activity.ts';
import { pricingRefusal, utcDay } from './quote-rules.ts';
import { lockQuote, type QuoteRow } from './quote-store.ts';
import { priceLines, type LinePrice, type LineToPrice } from './price-lines.ts';
import { quoteRequester } from './recipients.ts';

export interface PriceQuoteInput {
  quoteId: string;
  lines: LinePrice[];
  setupAmount: bigint;
  taxAmount: bigint;
  shippingAmount: bigint;
  validUntil: string;
  noteToCustomer: string | null;
}

export interface PriceQuoteResult {
  quoteId: string;
  revision: number;
  status: 'PRICED';
}

/** The printer's staff member pricing, acting in the session's role. */
export interface Actor {
  id: string;
  tenant_id: string;
  role: string;
}

function invalid(field: string, problem: string): Failure {
  return fail('VALIDATION_FAILED', { message: `Invalid input: ${field}: ${problem}`, extensions: { fields: [field] } });
}

function linesToPrice(tx: Queryable, quoteId: string): Promise<LineToPrice[]> {
  return all<LineToPrice>(
    tx,
    `select l.id, l.line_number, l.product_id, p.sku, l.description, l.specifications, l.quantity
       from public.quote_lines l left join public.products p on p.id = l.product_id
      where l.quote_id = $1 order by l.line_number`,
    [quoteId],
  );
}

/** The revision's document: lines and totals, checked against numeric(14,2). */
function revisionContent(quote: QuoteRow, revision: number, input: PriceQuoteInput, lines: LineToPrice[]): RevisionContent | string {
  const priced = priceLines(lines, input.lines);
  if (typeof priced === 'string') return priced;
  const subtotal = priced.reduce((sum, line) => sum + toCents(line.line_total), 0n);
  const total = subtotal + input.setupAmount + input.taxAmount + input.shippingAmount;
  if (total > MAX_CENTS) return 'the quote total is too large';
  return {
    quote_id: quote.id, revision, currency_code: quote.currency_code, valid_until: input.validUntil,
    subtotal: fromCents(subtotal), setup_amount: fromCents(input.setupAmount), tax_amount: fromCents(input.taxAmount),
    shipping_amount: fromCents(input.shippingAmount), total_amount: fromCents(total), lines: priced,
  };
}

async function store(ctx: ActionContext, tx: Queryable, quote: QuoteRow, staff: Actor, content: RevisionContent, note: string | null): Promise<void> {
  const lines = content.lines;
  await tx.query(
    `update public.quote_lines l set unit_price = v.price
       from unnest($2::uuid[], $3::numeric[]) as v(id, price) where l.id = v.id and l.quote_id = $1`,
    [quote.id, lines.map((line) => line.line_id), lines.map((line) => line.unit_price)],
  );
  await tx.query(
    `insert into public.quote_revisions
       (tenant_id, customer_id, quote_id, revision, priced_at, priced_by, valid_until, currency_code, subtotal,
        setup_amount, tax_amount, shipping_amount, note_to_customer, lines, content_hash, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15, $5)`,
    [quote.tenant_id, quote.customer_id, quote.id, content.revision, ctx.now, staff.id, content.valid_until, content.currency_code,
      content.subtotal, content.setup_amount, content.tax_amount, content.shipping_amount, note, JSON.stringify(lines), contentHash(content)],
  );
  await tx.query(
    `update public.quotes set status = 'PRICED', revision = $2, subtotal = $3, setup_amount = $4, tax_amount = $5,
            shipping_amount = $6, valid_until = $7, note_to_customer = $8, priced_by = $9, priced_at = $10
      where id = $1`,
    [quote.id, content.revision, content.subtotal, content.setup_amount, content.tax_amount, content.shipping_amount,
      content.valid_until, note, staff.id, ctx.now],
  );
}

/**
 * Staff price a requested quote, or answer a change request, as revision n+1: the lines get their
 * unit prices, the revision keeps lines and totals with their hash, the quote is PRICED, the
 * requester is told, all in the caller's transaction.
 */
export async function priceQuote(ctx: ActionContext, tx: Queryable, staff: Actor, input: PriceQuoteInput): Promise<PriceQuoteResult | Failure> {
  const quote = await lockQuote(tx, input.quoteId, { tenantId: staff.tenant_id });
  if (!quote) return fail('QUOTE_NOT_FOUND');
  const refusal = pricingRefusal(quote.status);
  if (refusal) return fail(refusal, { extensions: { status: quote.status } });
  if (input.validUntil <= utcDay(ctx.now)) return invalid('validUntil', 'must be a date after today');
  const content = revisionContent(quote, quote.revision + 1, input, await linesToPrice(tx, quote.id));
  if (typeof content === 'string') return invalid('lines', content);
  await store(ctx, tx, quote, staff, content, input.noteToCustomer);
  await logQuoteActivity(ctx, tx, quote, staff, 'quote.priced', {
    revision: content.revision, previous_status: quote.status, total_amount: content.total_amount, valid_until: content.valid_until,
  });
  const requester = await quoteRequester(tx, quote.requested_by);
  if (requester) {
    await notifyPerson(tx, requester, {
      template: 'QUOTE_PRICED', documentNumber: quote.quote_number,
      payload: { quote_id: quote.id, quote_number: quote.quote_number, revision: content.revision, total_amount: content.total_amount, currency_code: content.currency_code, valid_until: content.valid_until },
    }, ctx.now);
  }
  return { quoteId: quote.id, revision: content.revision, status: 'PRICED' };
}
