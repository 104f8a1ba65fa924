import type pg from 'pg';

/** A demo account's ids, as the action server would put them in its token. */
export interface DemoIdentity {
  userId: string;
  customerId: string;
  tenantId: string;
  /** Ids of the sales orders of the account's company. */
  orderIds: string[];
}

export async function demoIdentity(pool: pg.Pool, email: string): Promise<DemoIdentity> {
  const user = await pool.query<{ id: string; customer_id: string; tenant_id: string }>(
    'select id, customer_id, tenant_id from public.customer_users where email = $1',
    [email],
  );
  const row = user.rows[0];
  if (!row) throw new Error(`no demo account ${email}`);
  const orders = await pool.query<{ id: string }>('select id from public.sales_orders where customer_id = $1 order by id', [row.customer_id]);
  return { userId: row.id, customerId: row.customer_id, tenantId: row.tenant_id, orderIds: orders.rows.map((order) => order.id) };
}

/** The claims the action server issues for an identity acting in `roles` (the first is the default). */
export function hasuraClaims(identity: DemoIdentity, roles: string[]): Record<string, unknown> {
  return {
    'x-hasura-allowed-roles': roles,
    'x-hasura-default-role': roles[0],
    'x-hasura-user-id': identity.userId,
    'x-hasura-customer-id': identity.customerId,
    'x-hasura-tenant-id': identity.tenantId,
  };
}

export const ORDERS_QUERY = 'query Orders { sales_orders(order_by: {id: asc}) { id customer_id } }';
