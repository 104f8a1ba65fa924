import { maybeOne } from '../db/rows.ts';
import type { Queryable } from '../db/transaction.ts';
import { orderStatusChangedBody } from './webhook-events.ts';

interface StatusEventRow {
  id: string;
  tenant_id: string;
  customer_id: string;
  order_id: string;
  order_number: string;
  from_status: string | null;
  to_status: string;
  tracking_number: string | null;
  carrier: string | null;
  created_at: Date;
}

/**
 * Queues one delivery of an order status event for each active endpoint of the order's company,
 * due now. The unique (endpoint, event) key makes a redelivered trigger event add nothing.
 * Answers how many rows were added (0 for an unknown event).
 */
export async function queueOrderStatusDeliveries(db: Queryable, statusEventId: string, now: Date): Promise<number> {
  const event = await maybeOne<StatusEventRow>(
    db,
    `select e.id, e.tenant_id, e.customer_id, e.order_id, o.order_number, e.from_status, e.to_status, o.tracking_number, o.carrier, e.created_at
       from public.order_status_events e join public.sales_orders o on o.id = e.order_id
      where e.id = $1`,
    [statusEventId],
  );
  if (!event) return 0;
  const body = orderStatusChangedBody({
    eventId: event.id,
    occurredAt: event.created_at,
    orderId: event.order_id,
    orderNumber: event.order_number,
    fromStatus: event.from_status,
    toStatus: event.to_status,
    trackingNumber: event.tracking_number,
    carrier: event.carrier,
  });
  const inserted = await db.query(
    `insert into public.webhook_deliveries
       (tenant_id, customer_id, endpoint_id, event_id, event_type, order_status_event_id, body, next_attempt_at, created_at, updated_at)
     select w.tenant_id, w.customer_id, w.id, $3, 'order.status_changed', $3, $4, $5, $5, $5
       from public.webhook_endpoints w
      where w.customer_id = $1 and w.tenant_id = $2 and w.active
     on conflict (endpoint_id, event_id) do nothing`,
    [event.customer_id, event.tenant_id, event.id, body, now],
  );
  return inserted.rowCount ?? 0;
}
