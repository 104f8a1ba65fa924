import { lineItems, lineTotals, priceOnRequestCents, type LineItem } from '../line-items.ts';
import { centsToNumeric, orderAmounts, type OrderAmounts } from '../money.ts';
import { acceptanceRow, revisionLines, revisionRow } from '../quote-evidence-rows.ts';
import type { QuoteAcceptanceRow, QuoteLineRow, QuoteRevisionRow, QuoteRow } from '../tables.ts';
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

/**
 * What staff priced: the lines' subtotal, the customer's sales tax and a shipping charge. An order
 * made from the quote carries the same amounts (scale-orders.ts), as an approval copies them.
 */
export function quoteAmounts(world: ScaleWorld, header: QuoteHeader, items: readonly LineItem[]): OrderAmounts {
  const random = world.random('quote-amounts', header.index);
  return orderAmounts(lineTotals(items), world.customers[header.customer]!.taxBasisPoints, random.pick([0, 1_250, 1_900, 2_450, 3_900, 6_500]));
}

export function quoteLineId(world: ScaleWorld, header: QuoteHeader, lineNumber: number): string {
  return world.id('quote-line', `${header.index}:${lineNumber}`);
}

export interface QuoteBundle {
  quote: QuoteRow;
  lines: QuoteLineRow[];
  revisions: QuoteRevisionRow[];
  acceptances: QuoteAcceptanceRow[];
}

export function quoteRows(world: ScaleWorld, header: QuoteHeader, orderIds: readonly string[]): QuoteBundle {
  const items = quoteItems(world, header);
  const random = world.random('quote-text', header.index);
  const priced = header.pricedAt !== null;
  const amounts = priced ? quoteAmounts(world, header, items) : null;
  const updatedAt = header.decidedAt ?? header.pricedAt ?? header.requestedAt;
  const quote: QuoteRow = {
    id: header.id, tenant_id: world.tenantId, customer_id: world.customers[header.customer]!.id,
    quote_number: header.number, status: header.status, title: `${random.pick(TITLES)} ${header.requestedAt.getUTCFullYear()}`,
    customer_notes: random.chance(0.5) ? 'Please quote with and without lamination.' : '', internal_notes: null,
    currency_code: 'USD', subtotal: amounts?.subtotal ?? null, setup_amount: '0.00',
    tax_amount: amounts?.tax_amount ?? '0.00', shipping_amount: amounts?.shipping_amount ?? '0.00', revision: priced ? 1 : 0,
    note_to_customer: null, needed_by: null, customer_po_number: null, change_request_notes: null,
    changes_requested_by: null, changes_requested_at: null,
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
  const skuOf = (productId: string | null) => (productId ? (world.skus.get(productId) ?? null) : null);
  const revision = priced ? revisionRow(world.id('quote-revision', header.index), quote, revisionLines(lines, skuOf)) : null;
  const acceptances = revision && quote.status === 'CONVERTED' && header.decidedBy
    ? [acceptanceRow(quote, revision, {
        id: world.id('quote-acceptance', header.index), orderId: quote.converted_order_id!,
        acceptedBy: header.decidedBy, ip: null, userAgent: null, customerPoNumber: null,
      })]
    : [];
  return { quote, lines, revisions: revision ? [revision] : [], acceptances };
}
