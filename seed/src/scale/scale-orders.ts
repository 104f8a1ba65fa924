import { lineItems, lineTotals, type LineItem } from '../line-items.ts';
import { centsToNumeric, orderAmounts } from '../money.ts';
import { enteredAt, shipment, statusHistory, type StatusStep } from '../order-history.ts';
import type { Random } from '../prng.ts';
import type { OrderEventRow, OrderLineRow, OrderRow } from '../tables.ts';
import { addDays, isoDate } from '../time.ts';
import type { OrderHeader, QuoteHeader } from './scale-headers.ts';
import { quoteAmounts, quoteItems, quoteLineId } from './scale-quotes.ts';
import type { ScaleWorld } from './scale-world.ts';

/** Everything generated for one order; a pure function of its header, so it can be rebuilt per phase. */
export interface OrderBundle {
  header: OrderHeader;
  row: OrderRow;
  lines: OrderLineRow[];
  history: StatusStep[];
}

function purchaseOrderNumber(world: ScaleWorld, header: OrderHeader, random: Random): string | null {
  if (random.chance(0.15)) return null;
  const code = world.customers[header.customer]!.code.split('-')[0]!;
  return `${code}-PO-${header.placedAt.getUTCFullYear() % 100}${random.digits(5)}`;
}

function orderRow(world: ScaleWorld, header: OrderHeader, items: LineItem[], history: StatusStep[], random: Random, quote: QuoteHeader | null): OrderRow {
  const customer = world.customers[header.customer]!;
  const shipped = enteredAt(history, 'SHIPPED');
  const ship = shipped ? shipment(random) : null;
  return {
    id: header.id, tenant_id: world.tenantId, customer_id: customer.id, order_number: header.number, status: header.status,
    reorder_of_id: null, placed_by: header.placedBy.id, placed_at: header.placedAt,
    customer_po_number: purchaseOrderNumber(world, header, random), currency_code: 'USD',
    ...(quote ? quoteAmounts(world, quote, items) : orderAmounts(lineTotals(items), customer.taxBasisPoints, random.pick([0, 1_250, 1_900, 2_450, 3_900, 6_500]))),
    setup_amount: '0.00',
    requested_delivery_date: random.chance(0.7) ? isoDate(addDays(header.placedAt, random.int(5, 30))) : null,
    shipping_address: customer.address, carrier: ship?.carrier ?? null, tracking_number: ship?.trackingNumber ?? null,
    shipped_at: shipped, delivered_at: enteredAt(history, 'DELIVERED'), internal_notes: null,
    created_at: header.placedAt, updated_at: history[history.length - 1]!.at,
  };
}

function lineRows(world: ScaleWorld, header: OrderHeader, items: LineItem[], quote: QuoteHeader | null): OrderLineRow[] {
  return items.map((item, i) => ({
    id: world.id('order-line', `${header.index}:${i + 1}`), tenant_id: world.tenantId, order_id: header.id,
    line_number: i + 1, product_id: world.productIds[item.productIndex]!,
    quote_line_id: quote ? quoteLineId(world, quote, i + 1) : null, description: item.description,
    specifications: item.specifications, quantity: item.quantity, unit_price: centsToNumeric(item.unitPriceCents ?? 0),
    created_at: header.placedAt, updated_at: header.placedAt,
  }));
}

/** An order with 3–5 lines (a converted quote's own lines), its amounts and its status history. */
export function orderBundle(world: ScaleWorld, header: OrderHeader, quotes: readonly QuoteHeader[]): OrderBundle {
  const random = world.random('order', header.index);
  const quote = header.quoteIndex === null ? null : quotes[header.quoteIndex]!;
  const items = quote ? quoteItems(world, quote) : lineItems(world.catalogue, random.int(3, 5), random, true);
  const history = statusHistory(header.status, header.placedAt, world.now, random);
  const row = orderRow(world, header, items, history, random, quote);
  return { header, row, lines: lineRows(world, header, items, quote), history };
}

/** The customer placed the order; staff made every later move. */
export function eventRows(world: ScaleWorld, bundle: OrderBundle): OrderEventRow[] {
  const staff = world.staff[bundle.header.index % world.staff.length]!;
  return bundle.history.map((step, i) => ({
    id: world.id('order-event', `${bundle.header.index}:${i}`), tenant_id: world.tenantId, customer_id: bundle.row.customer_id,
    order_id: bundle.header.id, from_status: step.from, to_status: step.to,
    changed_by_user_id: i === 0 ? bundle.header.placedBy.id : staff.id,
    changed_by_role: i === 0 ? bundle.header.placedBy.role : 'staff', created_at: step.at,
  }));
}
