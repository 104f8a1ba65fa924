import type { UserRole } from '@portal/common';
import { logActivity } from '../audit/activity-log.ts';
import type { UserRow } from '../auth/users.ts';
import { actAs } from '../db/hasura-session.ts';
import { all, maybeOne } from '../db/rows.ts';
import type { Queryable } from '../db/transaction.ts';
import { fail, type Failure } from '../errors/action-error.ts';
import type { ActionContext } from '../http/action-context.ts';
import { createOrder } from './create-order.ts';
import { fromCents, toCents } from './money.ts';
import { notifyStaff } from './notify.ts';

export interface ReorderResult {
  kind: 'ORDER' | 'QUOTE_REQUEST';
  orderId: string | null;
  orderNumber: string | null;
  quoteId: string | null;
  quoteNumber: string | null;
  unpricedLines: number;
}

interface PastOrder {
  id: string;
  tenant_id: string;
  customer_id: string;
  order_number: string;
  currency_code: string;
  shipping_address: Record<string, unknown>;
}

/** A past line with today's catalogue price, or null when it has none to order at. */
interface PastLine {
  line_number: number;
  product_id: string | null;
  description: string;
  specifications: Record<string, unknown>;
  quantity: number;
  current_price: string | null;
}

function pastOrder(tx: Queryable, orderId: string, customerId: string): Promise<PastOrder | undefined> {
  return maybeOne<PastOrder>(
    tx,
    'select id, tenant_id, customer_id, order_number, currency_code, shipping_address from public.sales_orders where id = $1 and customer_id = $2',
    [orderId, customerId],
  );
}

/**
 * Today's price of each line: the product's list price while it is active, priced, of the order's
 * tenant and in the order's currency. Free-text lines, inactive and unpriced products have none.
 */
function pastLines(tx: Queryable, order: PastOrder): Promise<PastLine[]> {
  return all<PastLine>(
    tx,
    `select l.line_number, l.product_id, l.description, l.specifications, l.quantity,
            case when p.active and p.tenant_id = $2 and p.currency_code = $3 then p.unit_price::text end as current_price
       from public.sales_order_lines l left join public.products p on p.id = l.product_id
      where l.order_id = $1 order by l.line_number`,
    [order.id, order.tenant_id, order.currency_code],
  );
}

async function reorderAsOrder(ctx: ActionContext, tx: Queryable, order: PastOrder, lines: PastLine[], user: UserRow, role: UserRole): Promise<ReorderResult> {
  const subtotal = lines.reduce((sum, line) => sum + toCents(line.current_price!) * BigInt(line.quantity), 0n);
  await actAs(tx, ctx.session);
  const created = await createOrder(tx, {
    tenantId: order.tenant_id, customerId: order.customer_id, placedBy: user.id, reorderOfId: order.id,
    customerPoNumber: null, requestedDeliveryDate: null, currencyCode: order.currency_code, subtotal: fromCents(subtotal),
    shippingAddress: order.shipping_address,
    lines: lines.map((line) => ({ ...line, quote_line_id: null, unit_price: line.current_price! })),
  }, ctx.now);
  const facts = { order_number: created.order_number, reorder_of: order.id, reorder_of_number: order.order_number, subtotal: fromCents(subtotal) };
  await logActivity(tx, {
    tenantId: order.tenant_id, customerId: order.customer_id, userId: user.id, actorRole: role,
    action: 'order.reordered', entityType: 'sales_orders', entityId: created.id, details: facts,
  }, ctx.client, ctx.now);
  await notifyStaff(tx, order.tenant_id, { template: 'ORDER_PLACED', documentNumber: created.order_number, payload: { order_id: created.id, ...facts } }, ctx.now);
  return { kind: 'ORDER', orderId: created.id, orderNumber: created.order_number, quoteId: null, quoteNumber: null, unpricedLines: 0 };
}

async function reorderAsQuote(ctx: ActionContext, tx: Queryable, order: PastOrder, lines: PastLine[], user: UserRow, role: UserRole): Promise<ReorderResult> {
  const unpriced = lines.filter((line) => line.current_price === null).length;
  const { rows } = await tx.query<{ id: string; quote_number: string }>(
    `insert into public.quotes (tenant_id, customer_id, title, customer_notes, currency_code, requested_by, requested_at, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $7, $7) returning id, quote_number`,
    [order.tenant_id, order.customer_id, `Reorder of ${order.order_number}`,
      `The same lines as order ${order.order_number}; ${unpriced} of them ${unpriced === 1 ? 'has' : 'have'} no current catalogue price.`,
      order.currency_code, user.id, ctx.now],
  );
  const quote = rows[0]!;
  await tx.query(
    `insert into public.quote_lines (tenant_id, quote_id, line_number, product_id, description, specifications, quantity, created_at, updated_at)
     select $1, $2, l.line_number, l.product_id, l.description, l.specifications, l.quantity, $4, $4
       from jsonb_to_recordset($3::jsonb) as l(line_number integer, product_id uuid, description text, specifications jsonb, quantity integer)`,
    [order.tenant_id, quote.id, JSON.stringify(lines), ctx.now],
  );
  const facts = { quote_number: quote.quote_number, reorder_of: order.id, reorder_of_number: order.order_number, unpriced_lines: unpriced };
  await logActivity(tx, {
    tenantId: order.tenant_id, customerId: order.customer_id, userId: user.id, actorRole: role,
    action: 'quote.requested', entityType: 'quotes', entityId: quote.id, details: facts,
  }, ctx.client, ctx.now);
  await notifyStaff(tx, order.tenant_id, { template: 'QUOTE_REQUESTED', documentNumber: quote.quote_number, payload: { quote_id: quote.id, ...facts } }, ctx.now);
  return { kind: 'QUOTE_REQUEST', orderId: null, orderNumber: null, quoteId: quote.id, quoteNumber: quote.quote_number, unpricedLines: unpriced };
}

/**
 * Orders a past order of the caller's company again: at today's catalogue prices when every line
 * has one, otherwise as a DRAFT quote request with the same lines for staff to price. Another
 * company's order is ORDER_NOT_FOUND, and nothing is written.
 */
export async function reorder(ctx: ActionContext, tx: Queryable, user: UserRow, role: UserRole, orderId: string): Promise<ReorderResult | Failure> {
  const order = await pastOrder(tx, orderId, user.customer_id!);
  if (!order) return fail('ORDER_NOT_FOUND');
  const lines = await pastLines(tx, order);
  if (lines.length === 0) return fail('NOTHING_TO_REORDER');
  const allPriced = lines.every((line) => line.current_price !== null);
  return allPriced ? reorderAsOrder(ctx, tx, order, lines, user, role) : reorderAsQuote(ctx, tx, order, lines, user, role);
}
