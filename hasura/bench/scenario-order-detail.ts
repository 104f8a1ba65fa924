import { at, list, type Scenario } from './scenario.ts';

const ORDER_FIELDS = `id
    order_number
    status
    placed_at
    customer_po_number
    currency_code
    subtotal
    tax_amount
    shipping_amount
    total_amount
    requested_delivery_date
    shipping_address
    carrier
    tracking_number
    shipped_at
    delivered_at`;

const ENGINE_QUERY = `query BenchOrderDetail($id: uuid!) {
  sales_orders_by_pk(id: $id) {
    ${ORDER_FIELDS}
    proofs(order_by: [{ published_at: desc }, { id: asc }]) {
      id
      order_line_id
      version
      status
      file_name
      published_at
      decided_at
      decision_comment
    }
    status_events(order_by: [{ created_at: asc }, { event_number: asc }]) {
      id
      from_status
      to_status
      created_at
    }
  }
}`;

const camel = (name: string) => name.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

const POSTGRAPHILE_QUERY = `query BenchOrderDetail($id: UUID!) {
  salesOrderById(id: $id) {
    ${ORDER_FIELDS.split('\n').map((line) => camel(line)).join('\n')}
    proofsByOrderId(orderBy: [PUBLISHED_AT_DESC, ID_ASC]) {
      nodes { id orderLineId version status fileName publishedAt decidedAt decisionComment }
    }
    orderStatusEventsByOrderId(orderBy: [CREATED_AT_ASC, EVENT_NUMBER_ASC]) {
      nodes { id fromStatus toStatus createdAt }
    }
  }
}`;

const HAND_SQL = `select json_build_object('sales_orders_by_pk', (select json_build_object(
    'id', o.id, 'order_number', o.order_number, 'status', o.status, 'placed_at', o.placed_at,
    'customer_po_number', o.customer_po_number, 'currency_code', o.currency_code, 'subtotal', o.subtotal,
    'tax_amount', o.tax_amount, 'shipping_amount', o.shipping_amount, 'total_amount', o.total_amount,
    'requested_delivery_date', o.requested_delivery_date, 'shipping_address', o.shipping_address,
    'carrier', o.carrier, 'tracking_number', o.tracking_number, 'shipped_at', o.shipped_at, 'delivered_at', o.delivered_at,
    'proofs', (select coalesce(json_agg(json_build_object(
                 'id', p.id, 'order_line_id', p.order_line_id, 'version', p.version, 'status', p.status,
                 'file_name', p.file_name, 'published_at', p.published_at, 'decided_at', p.decided_at,
                 'decision_comment', p.decision_comment) order by p.published_at desc, p.id), '[]')
               from public.proofs as p where p.order_id = o.id),
    'status_events', (select coalesce(json_agg(json_build_object(
                        'id', e.id, 'from_status', e.from_status, 'to_status', e.to_status, 'created_at', e.created_at)
                        order by e.created_at, e.event_number), '[]')
                      from public.order_status_events as e where e.order_id = o.id))
  from public.sales_orders as o where o.id = $1 and o.customer_id = $2))::text as data`;

const detailIds = (order: unknown, proofs: unknown[], events: unknown[]) => [
  at(order, 'id'),
  proofs.map((proof) => at(proof, 'id')),
  events.map((event) => at(event, 'id')),
];

/** The order page: one order by primary key with its proofs and status history. */
export const ORDER_DETAIL: Scenario = {
  name: 'order by pk with proofs and status events',
  engine: (customer) => ({ query: ENGINE_QUERY, variables: { id: customer.orderId } }),
  postgraphile: (customer) => ({ query: POSTGRAPHILE_QUERY, variables: { id: customer.orderId } }),
  handSql: (customer) => ({ text: HAND_SQL, values: [customer.orderId, customer.customerId] }),
  engineFingerprint: (data) => {
    const order = at(data, 'sales_orders_by_pk');
    return detailIds(order, list(order, 'proofs'), list(order, 'status_events'));
  },
  postgraphileFingerprint: (data) => {
    const order = at(data, 'salesOrderById');
    return detailIds(order, list(order, 'proofsByOrderId', 'nodes'), list(order, 'orderStatusEventsByOrderId', 'nodes'));
  },
};
