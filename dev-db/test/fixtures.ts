import { randomUUID } from 'node:crypto';
import type pg from 'pg';

type Queryable = pg.Pool | pg.ClientBase;

/** Minimal valid rows for schema tests; each returns the new row's id. */
export async function insertTenant(db: Queryable, slug = `printer-${randomUUID().slice(0, 8)}`): Promise<string> {
  const result = await db.query<{ id: string }>(
    'insert into public.tenants (slug, name) values ($1, $2) returning id',
    [slug, `Printer ${slug}`],
  );
  return result.rows[0]!.id;
}

export async function insertCustomer(db: Queryable, tenantId: string, code = `C${randomUUID().slice(0, 6).toUpperCase()}`): Promise<string> {
  const result = await db.query<{ id: string }>(
    'insert into public.customers (tenant_id, customer_code, name) values ($1, $2, $3) returning id',
    [tenantId, code, `Customer ${code}`],
  );
  return result.rows[0]!.id;
}

export async function insertUser(
  db: Queryable,
  row: { tenantId: string; customerId: string | null; role?: string; email?: string },
): Promise<string> {
  const result = await db.query<{ id: string }>(
    `insert into public.customer_users (tenant_id, customer_id, role, email, password_hash)
     values ($1, $2, $3, $4, 'not-a-real-hash') returning id`,
    [row.tenantId, row.customerId, row.role ?? 'customer_user', row.email ?? `${randomUUID()}@example.com`],
  );
  return result.rows[0]!.id;
}

export async function insertOrder(
  db: Queryable,
  row: { tenantId: string; customerId: string; status?: string; orderNumber?: string; placedAt?: string },
): Promise<{ id: string; orderNumber: string }> {
  const result = await db.query<{ id: string; order_number: string }>(
    `insert into public.sales_orders (tenant_id, customer_id, status, order_number, placed_at)
     values ($1, $2, $3, $4, coalesce($5::timestamptz, now())) returning id, order_number`,
    [row.tenantId, row.customerId, row.status ?? 'CONFIRMED', row.orderNumber ?? null, row.placedAt ?? null],
  );
  return { id: result.rows[0]!.id, orderNumber: result.rows[0]!.order_number };
}

export async function insertOrderLine(
  db: Queryable,
  row: { tenantId: string; orderId: string; lineNumber?: number; quantity?: number; unitPrice?: string },
): Promise<string> {
  const result = await db.query<{ id: string }>(
    `insert into public.sales_order_lines (tenant_id, order_id, line_number, description, quantity, unit_price)
     values ($1, $2, $3, 'Business cards, 350gsm', $4, $5) returning id`,
    [row.tenantId, row.orderId, row.lineNumber ?? 1, row.quantity ?? 500, row.unitPrice ?? '0.12'],
  );
  return result.rows[0]!.id;
}

export async function insertQuote(
  db: Queryable,
  row: { tenantId: string; customerId: string; status?: string },
): Promise<string> {
  const result = await db.query<{ id: string }>(
    `insert into public.quotes (tenant_id, customer_id, status, title) values ($1, $2, $3, 'Spring flyers') returning id`,
    [row.tenantId, row.customerId, row.status ?? 'DRAFT'],
  );
  return result.rows[0]!.id;
}
