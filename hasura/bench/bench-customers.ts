import type pg from 'pg';

/** A real customer the requests are made for, with one of its users and one of its orders. */
export interface BenchCustomer {
  customerId: string;
  tenantId: string;
  /** An active user of the customer whose own role is `customer_user`. */
  userId: string;
  /** The customer's order with the most proofs (then status events): the order-detail request's id. */
  orderId: string;
  orders: number;
}

/**
 * The `count` busiest customers of the tenant (most orders) that have an active `customer_user`,
 * busiest first, so every scenario reads real, non-trivial data for several customers in turn.
 */
export async function busiestCustomers(client: pg.ClientBase, tenantId: string, count: number): Promise<BenchCustomer[]> {
  const result = await client.query<BenchCustomer>(
    `select c.customer_id as "customerId", c.tenant_id as "tenantId", u.id as "userId", o.id as "orderId", c.orders::int as orders
       from (select customer_id, tenant_id, count(*) as orders
               from public.sales_orders where tenant_id = $1
              group by customer_id, tenant_id) as c
       cross join lateral (select id from public.customer_users
                            where customer_id = c.customer_id and role = 'customer_user' and active
                            order by id limit 1) as u
       cross join lateral (select so.id from public.sales_orders as so
                            where so.customer_id = c.customer_id
                            order by (select count(*) from public.proofs as p where p.order_id = so.id) desc,
                                     (select count(*) from public.order_status_events as e where e.order_id = so.id) desc,
                                     so.placed_at desc
                            limit 1) as o
      order by c.orders desc, c.customer_id
      limit $2`,
    [tenantId, count],
  );
  if (result.rows.length === 0) throw new Error('the seeded tenant has no customer with orders and a customer_user');
  return result.rows;
}
