import { OPEN_SALES_ORDER_STATUSES } from '@portal/common';
import { at, type Scenario } from './scenario.ts';

const ENGINE_QUERY = `query BenchDashboard($openStatuses: [sales_order_statuses_enum!]!) {
  openOrders: sales_orders_aggregate(where: { status: { _in: $openStatuses } }) { aggregate { count } }
  quotesAwaitingApproval: quotes_aggregate(where: { status: { _eq: PRICED } }) { aggregate { count } }
  proofsAwaitingReview: proofs_aggregate(where: { status: { _eq: PENDING_REVIEW } }) { aggregate { count } }
}`;

/** PostGraphile v4's conditions are equalities only (no `in` without a filter plugin): one count per open status. */
const openAlias = (status: string) => `open${status}`;

const POSTGRAPHILE_QUERY = `query BenchDashboard($customerId: UUID!) {
${OPEN_SALES_ORDER_STATUSES.map((status) => `  ${openAlias(status)}: allSalesOrders(condition: { customerId: $customerId, status: "${status}" }) { totalCount }`).join('\n')}
  quotesAwaitingApproval: allQuotes(condition: { customerId: $customerId, status: "PRICED" }) { totalCount }
  proofsAwaitingReview: allProofs(condition: { customerId: $customerId, status: "PENDING_REVIEW" }) { totalCount }
}`;

const HAND_SQL = `select json_build_object(
    'openOrders', json_build_object('aggregate', json_build_object('count',
      (select count(*) from public.sales_orders where customer_id = $1 and status = any($2::text[])))),
    'quotesAwaitingApproval', json_build_object('aggregate', json_build_object('count',
      (select count(*) from public.quotes where customer_id = $1 and status = 'PRICED'))),
    'proofsAwaitingReview', json_build_object('aggregate', json_build_object('count',
      (select count(*) from public.proofs where customer_id = $1 and status = 'PENDING_REVIEW'))))::text as data`;

const count = (data: unknown, alias: string) => Number(at(data, alias, 'aggregate', 'count'));
const total = (data: unknown, alias: string) => Number(at(data, alias, 'totalCount'));

/** The dashboard's three counters: open orders, quotes awaiting approval, proofs awaiting review. */
export const DASHBOARD: Scenario = {
  name: 'dashboard counts (3 aggregates)',
  engine: () => ({ query: ENGINE_QUERY, variables: { openStatuses: [...OPEN_SALES_ORDER_STATUSES] } }),
  postgraphile: (customer) => ({ query: POSTGRAPHILE_QUERY, variables: { customerId: customer.customerId } }),
  handSql: (customer) => ({ text: HAND_SQL, values: [customer.customerId, [...OPEN_SALES_ORDER_STATUSES]] }),
  engineFingerprint: (data) => [count(data, 'openOrders'), count(data, 'quotesAwaitingApproval'), count(data, 'proofsAwaitingReview')],
  postgraphileFingerprint: (data) => [
    OPEN_SALES_ORDER_STATUSES.reduce((sum, status) => sum + total(data, openAlias(status)), 0),
    total(data, 'quotesAwaitingApproval'),
    total(data, 'proofsAwaitingReview'),
  ],
};
