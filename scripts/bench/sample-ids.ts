import type pg from 'pg';
import type { PortalQuery } from './portal-queries.ts';

export type SampleParams = Record<PortalQuery['params'][number], string>;

/**
 * Real parameter values from the benchmark tenant: its busiest customer, one of that customer's
 * orders, quotes and proofs, and a user's email, so every timed query returns real rows.
 */
export async function sampleParams(client: pg.ClientBase, tenantId: string): Promise<SampleParams> {
  const customer = await client.query<{ customer_id: string }>(
    'select customer_id from public.sales_orders where tenant_id = $1 group by customer_id order by count(*) desc limit 1',
    [tenantId],
  );
  const customerId = customer.rows[0]!.customer_id;
  const order = await client.query<{ id: string; order_number: string; customer_po_number: string | null }>(
    `select id, order_number, customer_po_number from public.sales_orders
      where customer_id = $1 and customer_po_number is not null order by placed_at desc limit 1`,
    [customerId],
  );
  const quote = await client.query<{ id: string }>('select id from public.quotes where customer_id = $1 limit 1', [customerId]);
  const proof = await client.query<{ id: string }>('select id from public.proofs where customer_id = $1 order by published_at desc limit 1', [customerId]);
  const user = await client.query<{ email: string }>('select email from public.customer_users where customer_id = $1 limit 1', [customerId]);
  const events = await client.query<{ n: string }>(
    'select coalesce(max(event_number) - 200, 0)::text as n from public.order_status_events where tenant_id = $1',
    [tenantId],
  );
  // The seed registers no webhook endpoints; the plan is the same for any id.
  const endpoint = await client.query<{ id: string }>('select id from public.webhook_endpoints where customer_id = $1 limit 1', [customerId]);
  return {
    customerId,
    tenantId,
    orderId: order.rows[0]!.id,
    quoteId: quote.rows[0]?.id ?? order.rows[0]!.id,
    proofId: proof.rows[0]?.id ?? order.rows[0]!.id,
    status: 'SHIPPED',
    email: user.rows[0]!.email,
    poNumber: order.rows[0]!.customer_po_number!,
    orderNumber: order.rows[0]!.order_number,
    eventNumber: events.rows[0]!.n,
    quoteStatus: 'PRICED',
    // Words the generated titles and catalogue contain, as a search box sends them to `_ilike`.
    quoteSearch: '%launch%',
    productSearch: '%cards%',
    category: 'Flyers',
    today: new Date().toISOString().slice(0, 10),
    webhookEndpointId: endpoint.rows[0]?.id ?? '00000000-0000-4000-8000-000000000000',
  };
}
