import { list, type Scenario } from './scenario.ts';

const ENGINE_QUERY = `query BenchOrderList {
  sales_orders(order_by: [{ placed_at: desc }, { id: desc }], limit: 20) {
    id
    order_number
    status
    placed_at
    customer_po_number
    currency_code
    total_amount
    lines(order_by: { line_number: asc }) {
      id
      line_number
      description
      quantity
      unit_price
      line_total
    }
  }
}`;

const POSTGRAPHILE_QUERY = `query BenchOrderList($customerId: UUID!) {
  allSalesOrders(condition: { customerId: $customerId }, orderBy: [PLACED_AT_DESC, ID_DESC], first: 20) {
    nodes {
      id
      orderNumber
      status
      placedAt
      customerPoNumber
      currencyCode
      totalAmount
      salesOrderLinesByOrderId(orderBy: LINE_NUMBER_ASC) {
        nodes {
          id
          lineNumber
          description
          quantity
          unitPrice
          lineTotal
        }
      }
    }
  }
}`;

// The lines need no customer check of their own here: they belong to orders already filtered.
const HAND_SQL = `select json_build_object('sales_orders', coalesce(json_agg(json_build_object(
    'id', o.id, 'order_number', o.order_number, 'status', o.status, 'placed_at', o.placed_at,
    'customer_po_number', o.customer_po_number, 'currency_code', o.currency_code, 'total_amount', o.total_amount,
    'lines', (select coalesce(json_agg(json_build_object(
                'id', l.id, 'line_number', l.line_number, 'description', l.description, 'quantity', l.quantity,
                'unit_price', l.unit_price, 'line_total', l.line_total) order by l.line_number), '[]')
              from public.sales_order_lines as l where l.order_id = o.id)
  ) order by o.placed_at desc, o.id desc), '[]'))::text as data
  from (select * from public.sales_orders where customer_id = $1 order by placed_at desc, id desc limit 20) as o`;

const ids = (rows: unknown[], nested: (row: unknown) => unknown[]) =>
  rows.map((row) => [(row as { id: string }).id, nested(row).map((line) => (line as { id: string }).id)]);

/** The order list screen: a customer's 20 newest orders, each with its lines. */
export const ORDER_LIST: Scenario = {
  name: 'order list with lines (20 newest)',
  engine: () => ({ query: ENGINE_QUERY, variables: {} }),
  postgraphile: (customer) => ({ query: POSTGRAPHILE_QUERY, variables: { customerId: customer.customerId } }),
  handSql: (customer) => ({ text: HAND_SQL, values: [customer.customerId] }),
  engineFingerprint: (data) => ids(list(data, 'sales_orders'), (order) => list(order, 'lines')),
  postgraphileFingerprint: (data) =>
    ids(list(data, 'allSalesOrders', 'nodes'), (order) => list(order, 'salesOrderLinesByOrderId', 'nodes')),
};
