import { OrderDetailDocument } from '@portal/web/graphql';
import { print } from 'graphql';
import { at, list, type Scenario } from './scenario.ts';

/** The web's own order page document, so the bench measures exactly what the portal sends. */
const ENGINE_QUERY = print(OrderDetailDocument);

const ORDER_FIELDS = [
  'id', 'order_number', 'status', 'placed_at', 'customer_po_number', 'currency_code', 'subtotal', 'tax_amount',
  'shipping_amount', 'total_amount', 'requested_delivery_date', 'shipping_address', 'carrier', 'tracking_number',
  'shipped_at', 'delivered_at',
];
const LINE_FIELDS = ['id', 'line_number', 'description', 'quantity', 'unit_price', 'line_total'];

const camel = (name: string) => name.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

const POSTGRAPHILE_QUERY = `query BenchOrderDetail($id: UUID!) {
  salesOrderById(id: $id) {
    ${ORDER_FIELDS.map(camel).join(' ')}
    customerUserByPlacedBy { firstName lastName }
    salesOrderLinesByOrderId(orderBy: LINE_NUMBER_ASC) {
      nodes { ${LINE_FIELDS.map(camel).join(' ')} productByProductId { sku name unit } }
    }
    orderStatusEventsByOrderId(orderBy: [CREATED_AT_ASC, EVENT_NUMBER_ASC]) {
      nodes { id fromStatus toStatus createdAt }
    }
  }
}`;

const jsonFields = (alias: string, fields: readonly string[]) => fields.map((field) => `'${field}', ${alias}.${field}`).join(', ');

const HAND_SQL = `select json_build_object('order', (select json_build_object(
    ${jsonFields('o', ORDER_FIELDS)},
    'placed_by_user', (select json_build_object('first_name', u.first_name, 'last_name', u.last_name)
                         from public.customer_users as u where u.id = o.placed_by),
    'lines', (select coalesce(json_agg(json_build_object(
                ${jsonFields('l', LINE_FIELDS)},
                'product', (select json_build_object('sku', p.sku, 'name', p.name, 'unit', p.unit)
                              from public.products as p where p.id = l.product_id))
                order by l.line_number), '[]')
              from public.sales_order_lines as l where l.order_id = o.id),
    'status_events', (select coalesce(json_agg(json_build_object(
                        'id', e.id, 'from_status', e.from_status, 'to_status', e.to_status, 'created_at', e.created_at)
                        order by e.created_at, e.event_number), '[]')
                      from public.order_status_events as e where e.order_id = o.id))
  from public.sales_orders as o where o.id = $1 and o.customer_id = $2))::text as data`;

const detailIds = (order: unknown, lines: unknown[], events: unknown[]) => [
  at(order, 'id'),
  lines.map((line) => at(line, 'id')),
  events.map((event) => at(event, 'id')),
];

/** The order page: one order by primary key with who placed it, its lines and products, and its status history. */
export const ORDER_DETAIL: Scenario = {
  name: 'order page (the web’s order.graphql)',
  engine: (customer) => ({ query: ENGINE_QUERY, variables: { id: customer.orderId } }),
  postgraphile: (customer) => ({ query: POSTGRAPHILE_QUERY, variables: { id: customer.orderId } }),
  handSql: (customer) => ({ text: HAND_SQL, values: [customer.orderId, customer.customerId] }),
  engineFingerprint: (data) => {
    const order = at(data, 'order');
    return detailIds(order, list(order, 'lines'), list(order, 'status_events'));
  },
  postgraphileFingerprint: (data) => {
    const order = at(data, 'salesOrderById');
    return detailIds(order, list(order, 'salesOrderLinesByOrderId', 'nodes'), list(order, 'orderStatusEventsByOrderId', 'nodes'));
  },
};
