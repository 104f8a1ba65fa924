import type { Queryable } from '../db/transaction.ts';

/** A line of a new sales order (money as decimal strings). */
export interface NewOrderLine {
  line_number: number;
  product_id: string | null;
  quote_line_id: string | null;
  description: string;
  specifications: Record<string, unknown>;
  quantity: number;
  unit_price: string;
}

export interface NewOrder {
  tenantId: string;
  customerId: string;
  placedBy: string;
  quoteId?: string;
  reorderOfId?: string;
  customerPoNumber: string | null;
  requestedDeliveryDate: string | null;
  currencyCode: string;
  subtotal: string;
  setupAmount?: string;
  taxAmount?: string;
  shippingAmount?: string;
  shippingAddress?: Record<string, unknown>;
  lines: NewOrderLine[];
}

/**
 * Inserts a CONFIRMED sales order with its lines. The database numbers it (the per-tenant counter,
 * locked until commit) and records its first status event (the status trigger, with the acting user
 * when `hasura.user` is set).
 */
export async function createOrder(tx: Queryable, order: NewOrder, at: Date): Promise<{ id: string; order_number: string }> {
  const { rows } = await tx.query<{ id: string; order_number: string }>(
    `insert into public.sales_orders
       (tenant_id, customer_id, quote_id, reorder_of_id, placed_by, placed_at, customer_po_number, currency_code,
        subtotal, setup_amount, tax_amount, shipping_amount, requested_delivery_date, shipping_address, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $6, $6)
     returning id, order_number`,
    [order.tenantId, order.customerId, order.quoteId ?? null, order.reorderOfId ?? null, order.placedBy, at, order.customerPoNumber,
      order.currencyCode, order.subtotal, order.setupAmount ?? '0.00', order.taxAmount ?? '0.00', order.shippingAmount ?? '0.00',
      order.requestedDeliveryDate, order.shippingAddress ?? {}],
  );
  const created = rows[0]!;
  await tx.query(
    `insert into public.sales_order_lines
       (tenant_id, order_id, line_number, product_id, quote_line_id, description, specifications, quantity, unit_price, created_at, updated_at)
     select $1, $2, l.line_number, l.product_id, l.quote_line_id, l.description, l.specifications, l.quantity, l.unit_price, $4, $4
       from jsonb_to_recordset($3::jsonb) as l(line_number integer, product_id uuid, quote_line_id uuid, description text,
                                               specifications jsonb, quantity integer, unit_price numeric)`,
    [order.tenantId, created.id, JSON.stringify(order.lines), at],
  );
  return created;
}
