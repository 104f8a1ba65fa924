import { lineItems, lineTotals, priceOnRequestCents, type LineItem } from '../line-items.ts';
import { centsToNumeric } from '../money.ts';
import type { QuoteLineRow, QuoteRow } from '../tables.ts';
import { isoDate } from '../time.ts';
import { validUntil, type QuoteHeader } from './scale-headers.ts';
import type { ScaleWorld } from './scale-world.ts';

const TITLES = ['Spring campaign', 'Trade show kit', 'Store opening', 'Annual report', 'Product launch', 'Seasonal menu', 'Fundraising gala', 'Conference', 'Rebrand roll-out', 'Holiday mailing'];
const REASONS = ['Went with a cheaper offer.', 'Project cancelled.', 'Budget moved to next quarter.', 'Lead time too long for the event.'];

/**
 * The lines of quote `header`, regenerated identically wherever they are needed (the quote's own
 * lines, and the lines of the order a converted quote became): 3–5 lines for converted quotes,
 * since their orders carry the same lines, 1–4 otherwise. Drafts have no prices yet.
 */
export function quoteItems(world: ScaleWorld, header: QuoteHeader): LineItem[] {
  const random = world.random('quote-lines', header.index);
  const count = header.status === 'CONVERTED' ? random.int(3, 5) : random.int(1, 4);
  return lineItems(world.catalogue, count, random, false).map((item) => ({
    ...item,
    unitPriceCents: header.status === 'DRAFT' ? null : (item.unitPriceCents ?? priceOnRequestCents(random)),
  }));
}

export function quoteLineId(world: ScaleWorld, header: QuoteHeader, lineNumber: number): string {
  return world.id('quote-line', `${header.index}:${lineNumber}`);
}

export function quoteRows(world: ScaleWorld, header: QuoteHeader, orderIds: readonly string[]): { quote: QuoteRow; lines: QuoteLineRow[] } {
  const items = quoteItems(world, header);
  const random = world.random('quote-text', header.index);
  const priced = header.pricedAt !== null;
  const updatedAt = header.decidedAt ?? header.pricedAt ?? header.requestedAt;
  const quote: QuoteRow = {
    id: header.id, tenant_id: world.tenantId, customer_id: world.customers[header.customer]!.id,
    quote_number: header.number, status: header.status, title: `${random.pick(TITLES)} ${header.requestedAt.getUTCFullYear()}`,
    customer_notes: random.chance(0.5) ? 'Please quote with and without lamination.' : '', internal_notes: null,
    currency_code: 'USD', subtotal: priced ? centsToNumeric(lineTotals(items).reduce((a, b) => a + b, 0)) : null,
    requested_by: header.requestedBy.id, requested_at: header.requestedAt,
    priced_by: priced ? random.pick(world.staff).id : null, priced_at: header.pricedAt,
    valid_until: header.pricedAt ? isoDate(validUntil(header.pricedAt)) : null,
    decided_by: header.decidedBy?.id ?? null, decided_at: header.decidedAt,
    rejection_reason: header.status === 'REJECTED' ? random.pick(REASONS) : null,
    converted_order_id: header.orderIndex === null ? null : orderIds[header.orderIndex]!,
    created_at: header.requestedAt, updated_at: updatedAt,
  };
  const lines = items.map((item, i): QuoteLineRow => ({
    id: quoteLineId(world, header, i + 1), tenant_id: world.tenantId, quote_id: header.id, line_number: i + 1,
    product_id: world.productIds[item.productIndex]!, description: item.description, specifications: item.specifications,
    quantity: item.quantity, unit_price: item.unitPriceCents === null ? null : centsToNumeric(item.unitPriceCents),
    created_at: header.requestedAt, updated_at: updatedAt,
  }));
  return { quote, lines };
}
