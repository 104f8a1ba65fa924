import { CATALOGUE } from '../catalogue.ts';
import { lineItemFor, lineTotals, type LineItem } from '../line-items.ts';
import { centsToNumeric, numericToCents, orderAmounts } from '../money.ts';
import { enteredAt, shipment, statusHistory, type StatusStep } from '../order-history.ts';
import type { Random } from '../prng.ts';
import type { OrderEventRow, OrderLineRow, OrderRow, UserRow } from '../tables.ts';
import { addDays, addHours, isoDate } from '../time.ts';
import { DEMO_COMPANIES } from '../demo-accounts.ts';
import { customerOf, userOf, type DemoContext } from './demo-context.ts';
import { ORDER_SPECS, type OrderSpec } from './demo-order-specs.ts';
import type { DemoQuote } from './demo-quotes.ts';

export interface DemoOrder {
  spec: OrderSpec;
  row: OrderRow;
  lines: OrderLineRow[];
  events: OrderEventRow[];
}

/** Orders placed by hand land at varied times of day, a few hours or more before `now`. */
function placedAt(ctx: DemoContext, spec: OrderSpec, quotes: Quotes, random: Random): Date {
  if (spec.quoteKey) return quotes.get(spec.quoteKey)!.row.decided_at!;
  return addHours(addDays(ctx.now, -spec.placedDaysAgo), -2 - random.next() * 8);
}

type Quotes = ReadonlyMap<string, DemoQuote>;
type Orders = ReadonlyMap<string, DemoOrder>;

/** A converted quote's lines, a repeated order's lines, or the spec's products. */
function itemsFor(ctx: DemoContext, spec: OrderSpec, index: number, quotes: Quotes, done: Orders): LineItem[] {
  if (spec.quoteKey) return quotes.get(spec.quoteKey)!.items;
  if (spec.reorderOf) return done.get(spec.reorderOf)!.lines.map((line) => ({
    productIndex: ctx.products.findIndex((p) => p.id === line.product_id), description: line.description,
    specifications: line.specifications as Record<string, string>, quantity: line.quantity,
    unitPriceCents: numericToCents(line.unit_price),
  }));
  const random = ctx.random('order-lines', index);
  return spec.skus.map((sku) => lineItemFor(CATALOGUE, CATALOGUE.findIndex((c) => c.sku === sku), random));
}

function lineRows(ctx: DemoContext, order: OrderRow, items: LineItem[], quote: DemoQuote | undefined): OrderLineRow[] {
  return items.map((item, i) => ({
    id: ctx.id('order-line', `${order.id}:${i + 1}`), tenant_id: ctx.tenantId, order_id: order.id, line_number: i + 1,
    product_id: ctx.products[item.productIndex]!.id, quote_line_id: quote?.lines[i]?.id ?? null,
    description: item.description, specifications: item.specifications, quantity: item.quantity,
    unit_price: centsToNumeric(item.unitPriceCents ?? 0), created_at: order.placed_at, updated_at: order.placed_at,
  }));
}

interface OrderFacts {
  placed: Date;
  history: StatusStep[];
  items: LineItem[];
  placedBy: UserRow;
  random: Random;
  /** The converted quote the order was made from: the order carries its priced amounts. */
  quote: DemoQuote | undefined;
}

/** A quote's order has the amounts the customer approved; others 8.75 % tax and a shipping charge. */
function amountsOf(facts: OrderFacts) {
  const quote = facts.quote?.row;
  if (quote) {
    return { subtotal: quote.subtotal!, setup_amount: quote.setup_amount, tax_amount: quote.tax_amount, shipping_amount: quote.shipping_amount };
  }
  return { ...orderAmounts(lineTotals(facts.items), 875, facts.random.pick([0, 1_500, 2_450, 3_900])), setup_amount: '0.00' };
}

function orderRow(ctx: DemoContext, spec: OrderSpec, facts: OrderFacts): OrderRow {
  const { placed, history, placedBy, random } = facts;
  const shipped = enteredAt(history, 'SHIPPED');
  const ship = shipped ? shipment(random) : null;
  const company = DEMO_COMPANIES.find((c) => c.code === spec.company)!;
  return {
    id: ctx.id('order', spec.key), tenant_id: ctx.tenantId, customer_id: customerOf(ctx, spec.company).id,
    order_number: null, status: spec.status, reorder_of_id: spec.reorderOf ? ctx.id('order', spec.reorderOf) : null,
    placed_by: placedBy.id, placed_at: placed, customer_po_number: spec.po, currency_code: 'USD',
    ...amountsOf(facts),
    requested_delivery_date: isoDate(addDays(placed, 14)),
    shipping_address: { name: company.name, ...company.address },
    carrier: ship?.carrier ?? null, tracking_number: ship?.trackingNumber ?? null,
    shipped_at: shipped, delivered_at: enteredAt(history, 'DELIVERED'), internal_notes: spec.notes ?? null,
    created_at: placed, updated_at: history[history.length - 1]!.at,
  };
}

/** The first event is the customer placing the order; staff make every later move. */
function eventRows(ctx: DemoContext, order: OrderRow, history: StatusStep[], placedBy: UserRow): OrderEventRow[] {
  const staff = userOf(ctx, 'staff');
  return history.map((step, i) => ({
    id: ctx.id('order-event', `${order.id}:${i}`), tenant_id: ctx.tenantId, customer_id: order.customer_id,
    order_id: order.id, from_status: step.from, to_status: step.to,
    changed_by_user_id: i === 0 ? placedBy.id : staff.id, changed_by_role: i === 0 ? placedBy.role : 'staff',
    created_at: step.at,
  }));
}

function buildOrder(ctx: DemoContext, spec: OrderSpec, index: number, quotes: Quotes, done: Orders): DemoOrder {
  const random = ctx.random('order', index);
  const placed = placedAt(ctx, spec, quotes, random);
  const quote = spec.quoteKey ? quotes.get(spec.quoteKey) : undefined;
  const facts: OrderFacts = {
    placed,
    history: statusHistory(spec.status, placed, ctx.now, random),
    items: itemsFor(ctx, spec, index, quotes, done),
    // Whoever approved the quote placed its order.
    placedBy: userOf(ctx, spec.quoteKey ? 'customer_approver' : 'customer_user', spec.company),
    random,
    quote,
  };
  const row = orderRow(ctx, spec, facts);
  const lines = lineRows(ctx, row, facts.items, quote);
  return { spec, row, lines, events: eventRows(ctx, row, facts.history, facts.placedBy) };
}

/** The demo orders in the order they were placed (so order numbers rise with time). */
export function demoOrders(ctx: DemoContext, quotes: Quotes): Map<string, DemoOrder> {
  const orders = new Map<string, DemoOrder>();
  ORDER_SPECS.forEach((spec, index) => orders.set(spec.key, buildOrder(ctx, spec, index, quotes, orders)));
  return new Map([...orders].sort(([, a], [, b]) => a.row.placed_at.getTime() - b.row.placed_at.getTime()));
}
