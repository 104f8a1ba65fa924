import type pg from 'pg';
import { quoteIdentifier } from '@portal/common/postgres';

/** Who owns each row of a portal table: its customer (null for tenant-wide rows) and tenant. */
const OWNER_SQL: Record<string, string> = {
  tenants: 'select id, null::uuid as customer_id, id as tenant_id from public.tenants',
  products: 'select id, null::uuid as customer_id, tenant_id from public.products',
  customers: 'select id, id as customer_id, tenant_id from public.customers',
  quote_lines: 'select l.id, q.customer_id, l.tenant_id from public.quote_lines l join public.quotes q on q.id = l.quote_id',
  sales_order_lines: 'select l.id, o.customer_id, l.tenant_id from public.sales_order_lines l join public.sales_orders o on o.id = l.order_id',
};

export interface Owner {
  customerId: string | null;
  tenantId: string;
}

/** Row id → owner, for a table listed above or one with `customer_id` and `tenant_id` columns. */
export async function owners(pool: pg.Pool, table: string): Promise<Map<string, Owner>> {
  const query = OWNER_SQL[table] ?? `select id, customer_id, tenant_id from public.${quoteIdentifier(table)}`;
  const result = await pool.query<{ id: string; customer_id: string | null; tenant_id: string }>(query);
  return new Map(result.rows.map((row) => [row.id, { customerId: row.customer_id, tenantId: row.tenant_id }]));
}
