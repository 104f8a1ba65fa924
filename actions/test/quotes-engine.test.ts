import { beforeAll, describe, expect, test } from 'vitest';
import { DEV_ACTION_SECRET, DEV_JWT_SECRET } from '../src/config/dev-defaults.ts';
import { QUOTE_ACTIONS } from '../src/handlers/index.ts';
import { PASSWORD, type TestUser } from './support/fixtures.ts';
import { countRows } from './support/flows.ts';
import { engineFor, startGraphQLEngine } from './support/graphql-engine.ts';
import { createQuoteWorld, dayFrom, type QuoteWorld } from './support/quote-fixtures.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

/**
 * The quote's life through a GraphQL engine's /v1/graphql, as the web portal will drive it: quote
 * requests and reads through the metadata's permissions, the actions through the engine with the
 * JWTs customerLogin mints, the engine's action permissions in front of the handlers' own checks.
 */
let t: TestServer;
let w: QuoteWorld;
let engineUrl: string;
const tokens = new Map<string, string>();
const answered = new Set<string>();

async function gql(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await fetch(`${engineUrl}/v1/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBe(200);
  const body: any = await response.json();
  for (const field of Object.keys(body.data ?? {})) answered.add(field);
  return body;
}

async function signIn(user: TestUser): Promise<string> {
  const { data } = await gql(null, 'mutation ($e: String!, $p: String!) { customerLogin(email: $e, password: $p) { session { accessToken } } }', { e: user.email, p: PASSWORD });
  return data.customerLogin.session.accessToken;
}

const as = (user: TestUser) => tokens.get(user.id)!;

beforeAll(async () => {
  t = await startTestServer();
  w = await createQuoteWorld(t.db.pool, 'eng');
  const engine = await startGraphQLEngine(engineFor(t.db.url, t.url, 'quotes-engine-test-admin-secret', DEV_JWT_SECRET, DEV_ACTION_SECRET));
  engineUrl = engine.url;
  for (const user of [w.staff, w.alpha.user, w.alpha.approver, w.alpha.admin, w.bravo.user, w.bravo.approver]) tokens.set(user.id, await signIn(user));
  return () => engine.stop();
});

const REQUEST = `mutation ($object: quotes_insert_input!) { insert_quotes_one(object: $object) { id quote_number status revision needed_by customer_po_number lines(order_by: {line_number: asc}) { id } } }`;
const PRICE = `mutation ($q: uuid!, $lines: [QuoteLinePrice!]!, $until: date!, $tax: String) {
  staffPriceQuote(quoteId: $q, lines: $lines, taxAmount: $tax, shippingAmount: "12.50", validUntil: $until, noteToCustomer: "Proofs by Friday") { quoteId revision status }
}`;
const APPROVE = `mutation ($q: uuid!, $r: Int!, $po: String) { customerApproveQuote(quoteId: $q, revision: $r, customerPoNumber: $po) { quoteId orderId orderNumber } }`;

async function requestQuote(user: TestUser, quantity = 100) {
  const { data, errors } = await gql(as(user), REQUEST, {
    object: {
      title: 'Menu cards', customer_notes: 'Matt, please', needed_by: dayFrom(t, 20), customer_po_number: 'PO-77',
      lines: { data: [
        { line_number: 1, product_id: w.products.cards, description: 'Business cards', quantity, specifications: { notes: 'rounded corners' } },
        { line_number: 2, description: 'Die-cut menu, free text', quantity: 50 },
      ] },
    },
  });
  expect(errors).toBeUndefined();
  return data.insert_quotes_one as { id: string; quote_number: string; status: string; revision: number; lines: Array<{ id: string }> };
}

async function price(quote: { id: string; lines: Array<{ id: string }> }, prices: string[], tax = '10.00') {
  const { data, errors } = await gql(as(w.staff), PRICE, {
    q: quote.id, lines: quote.lines.map((line, i) => ({ lineId: line.id, unitPrice: prices[i] })), until: dayFrom(t, 30), tax,
  });
  expect(errors).toBeUndefined();
  return data.staffPriceQuote as { revision: number };
}

describe('the quote’s life through /v1/graphql', () => {
  test('request, price, change request, new revision, approval, evidence, staff moves the order, reorder', async () => {
    const quote = await requestQuote(w.alpha.user);
    expect(quote).toMatchObject({ status: 'DRAFT', revision: 0, needed_by: dayFrom(t, 20), customer_po_number: 'PO-77' });
    expect(await price(quote, ['39.00', '2.00'])).toEqual({ quoteId: quote.id, revision: 1, status: 'PRICED' });

    const seen = await gql(as(w.alpha.user), `query ($id: uuid!) { quotes_by_pk(id: $id) {
      status revision subtotal setup_amount tax_amount shipping_amount total_amount note_to_customer
      revisions(order_by: {revision: asc}) { revision total_amount content_hash lines }
    } notifications(where: {template: {_eq: QUOTE_PRICED}}) { subject } }`, { id: quote.id });
    expect(seen.errors).toBeUndefined();
    expect(seen.data.quotes_by_pk).toMatchObject({
      status: 'PRICED', revision: 1, subtotal: 4000, setup_amount: 0, tax_amount: 10, shipping_amount: 12.5, total_amount: 4022.5, note_to_customer: 'Proofs by Friday',
      revisions: [{ revision: 1, total_amount: 4022.5, content_hash: expect.stringMatching(/^[0-9a-f]{64}$/), lines: expect.arrayContaining([expect.objectContaining({ unit_price: '39.00', sku: 'BC-350' })]) }],
    });
    expect(seen.data.notifications).toEqual([{ subject: `Quote ${quote.quote_number} is ready for your decision` }]);

    const changes = await gql(as(w.alpha.approver), 'mutation ($q: uuid!) { customerRequestQuoteChanges(quoteId: $q, notes: "Cheaper cards?") { quoteId status } }', { q: quote.id });
    expect(changes.data.customerRequestQuoteChanges).toEqual({ quoteId: quote.id, status: 'CHANGES_REQUESTED' });
    expect((await price(quote, ['35.00', '2.00'])).revision).toBe(2);

    const byUser = await gql(as(w.alpha.user), APPROVE, { q: quote.id, r: 2 });
    expect(byUser.errors[0]).toMatchObject({ extensions: { code: 'validation-failed' }, message: "field 'customerApproveQuote' not found in type: 'mutation_root'" });
    const stale = await gql(as(w.alpha.approver), APPROVE, { q: quote.id, r: 1 });
    expect(stale.errors).toEqual([{ message: expect.any(String), extensions: { code: 'STALE_REVISION', currentRevision: 2 } }]);
    const approved = await gql(as(w.alpha.approver), APPROVE, { q: quote.id, r: 2, po: 'PO-78' });
    expect(approved.errors).toBeUndefined();
    const { orderId, orderNumber } = approved.data.customerApproveQuote;

    const order = await gql(as(w.alpha.user), `query ($id: uuid!) { sales_orders_by_pk(id: $id) {
      order_number customer_po_number requested_delivery_date subtotal tax_amount shipping_amount total_amount
      quote { quote_number status converted_order { id } acceptance { order { order_number } } }
      acceptance { revision accepted_role mfa_used customer_po_number content_hash accepted_by_user { email } }
      lines(order_by: {line_number: asc}) { unit_price quantity }
      status_events { to_status changed_by_role }
    } }`, { id: orderId });
    expect(order.errors).toBeUndefined();
    expect(order.data.sales_orders_by_pk).toMatchObject({
      order_number: orderNumber, customer_po_number: 'PO-78', requested_delivery_date: dayFrom(t, 20), subtotal: 3600, tax_amount: 10, shipping_amount: 12.5, total_amount: 3622.5,
      quote: { quote_number: quote.quote_number, status: 'CONVERTED', converted_order: { id: orderId }, acceptance: { order: { order_number: orderNumber } } },
      acceptance: { revision: 2, accepted_role: 'customer_approver', mfa_used: false, customer_po_number: 'PO-78', accepted_by_user: { email: w.alpha.approver.email } },
      lines: [{ unit_price: 35, quantity: 100 }, { unit_price: 2, quantity: 50 }],
      status_events: [{ to_status: 'CONFIRMED', changed_by_role: 'customer_approver' }],
    });

    const move = await gql(as(w.staff), `mutation ($id: uuid!, $date: date!) { update_sales_orders_by_pk(pk_columns: {id: $id}, _set: {
      status: IN_PRODUCTION, carrier: "UPS", tracking_number: "1Z999", requested_delivery_date: $date }) { status carrier requested_delivery_date } }`, { id: orderId, date: dayFrom(t, 25) });
    expect(move).toEqual({ data: { update_sales_orders_by_pk: { status: 'IN_PRODUCTION', carrier: 'UPS', requested_delivery_date: dayFrom(t, 25) } } });
    const byCustomer = await gql(as(w.alpha.admin), 'mutation ($id: uuid!) { update_sales_orders_by_pk(pk_columns: {id: $id}, _set: {status: CANCELLED}) { status } }', { id: orderId });
    expect(byCustomer.errors[0].extensions.code).toBe('validation-failed');

    await t.db.pool.query("update quote_lines set product_id = $2 where quote_id = $1 and line_number = 2", [quote.id, w.products.flyers]);
    await t.db.pool.query("update sales_order_lines set product_id = $2 where order_id = $1 and line_number = 2", [orderId, w.products.flyers]);
    const again = await gql(as(w.alpha.user), 'mutation ($o: uuid!) { customerReorder(orderId: $o) { kind orderId orderNumber quoteId quoteNumber unpricedLines } }', { o: orderId });
    expect(again.data.customerReorder).toMatchObject({ kind: 'ORDER', quoteId: null, unpricedLines: 0 });
    const rejected = await requestQuote(w.alpha.user, 5);
    await price(rejected, ['1.00', '1.00']);
    const noReason = await gql(as(w.alpha.admin), 'mutation ($q: uuid!) { customerRejectQuote(quoteId: $q, reason: "  ") { status } }', { q: rejected.id });
    expect(noReason.errors[0].extensions).toEqual({ code: 'VALIDATION_FAILED', fields: ['reason'] });
    const reject = await gql(as(w.alpha.admin), 'mutation ($q: uuid!) { customerRejectQuote(quoteId: $q, reason: "Too late") { quoteId status } }', { q: rejected.id });
    expect(reject.data.customerRejectQuote).toEqual({ quoteId: rejected.id, status: 'REJECTED' });
    expect(QUOTE_ACTIONS.map((action) => action.name).filter((name) => !answered.has(name))).toEqual([]);
  });

  test('nobody sees another company’s revisions or acceptances, by root field or relationship', async () => {
    const theirs = await requestQuote(w.bravo.user);
    await price(theirs, ['1.00', '1.00']);
    await gql(as(w.bravo.approver), APPROVE, { q: theirs.id, r: 1 });
    for (const user of [w.alpha.user, w.alpha.approver, w.alpha.admin]) {
      const { data, errors } = await gql(as(user), `query ($id: uuid!) {
        quote_revisions(where: {quote_id: {_eq: $id}}) { id } quote_acceptances(where: {quote_id: {_eq: $id}}) { id }
        quote_revisions_aggregate: quote_revisions { customer_id } quote_acceptances_all: quote_acceptances { customer_id }
      }`, { id: theirs.id });
      expect(errors).toBeUndefined();
      expect(data.quote_revisions).toEqual([]);
      expect(data.quote_acceptances).toEqual([]);
      expect(new Set([...data.quote_revisions_aggregate, ...data.quote_acceptances_all].map((row: { customer_id: string }) => row.customer_id))).toEqual(new Set([w.alphaId]));
    }
    const own = await gql(as(w.bravo.user), 'query ($id: uuid!) { quote_acceptances(where: {quote_id: {_eq: $id}}) { revision accepted_by } }', { id: theirs.id });
    expect(own.data.quote_acceptances).toEqual([{ revision: 1, accepted_by: w.bravo.approver.id }]);
  });

  test('two approvers at once through the engine, 20 times: one order and one QUOTE_ALREADY_CONVERTED', async () => {
    for (let round = 0; round < 20; round++) {
      const quote = await requestQuote(w.alpha.user, 10 + round);
      await price(quote, ['1.00', '1.00']);
      const answers = await Promise.all([
        gql(as(w.alpha.approver), APPROVE, { q: quote.id, r: 1 }),
        gql(as(w.alpha.admin), APPROVE, { q: quote.id, r: 1 }),
      ]);
      const won = answers.filter((answer) => answer.data?.customerApproveQuote);
      const lost = answers.filter((answer) => answer.errors);
      expect([won.length, lost.length], `round ${round}`).toEqual([1, 1]);
      expect(lost[0].errors[0].extensions).toEqual({ code: 'QUOTE_ALREADY_CONVERTED', orderId: won[0].data.customerApproveQuote.orderId });
      expect(await countRows(t, 'select 1 from sales_orders where quote_id = $1', [quote.id])).toBe(1);
    }
  });

  test('the company admin sets the approval limit through Hasura; above it the approver is refused', async () => {
    const setLimit = 'mutation ($id: uuid!, $limit: numeric) { update_customers_by_pk(pk_columns: {id: $id}, _set: {approval_limit: $limit}) { approval_limit } }';
    expect(await gql(as(w.alpha.admin), setLimit, { id: w.alphaId, limit: 1000 })).toEqual({ data: { update_customers_by_pk: { approval_limit: 1000 } } });
    expect(await gql(as(w.alpha.admin), setLimit, { id: w.bravoId, limit: 1 })).toEqual({ data: { update_customers_by_pk: null } });
    expect((await gql(as(w.alpha.approver), setLimit, { id: w.alphaId, limit: null })).errors[0].extensions.code).toBe('validation-failed');
    const read = await gql(as(w.alpha.user), '{ customers { id approval_limit } }');
    expect(read.data.customers).toEqual([{ id: w.alphaId, approval_limit: 1000 }]);
    const log = await gql(as(w.alpha.admin), '{ customer_activity_log(where: {action: {_eq: "customer.approval_limit_changed"}}) { user_id actor_role details } }');
    expect(log.data.customer_activity_log).toEqual([{ user_id: w.alpha.admin.id, actor_role: 'customer_admin', details: { from: null, to: 1000 } }]);

    const quote = await requestQuote(w.alpha.user, 100);
    await price(quote, ['39.00', '2.00']);
    const refused = await gql(as(w.alpha.approver), APPROVE, { q: quote.id, r: 1 });
    expect(refused.errors[0].extensions).toEqual({ code: 'APPROVAL_LIMIT_EXCEEDED', approvalLimit: '1000.00' });
    expect((await gql(as(w.alpha.admin), APPROVE, { q: quote.id, r: 1 })).errors).toBeUndefined();
  });

  test('the catalogue: the tenant’s active products by category, searched by name or SKU, any case', async () => {
    const search = `query ($q: String!) { products(where: {active: {_eq: true}, _or: [{name: {_ilike: $q}}, {sku: {_ilike: $q}}]}, order_by: {name: asc}) { sku name category } }`;
    const byName = await gql(as(w.alpha.user), search, { q: '%pRoDuct bc%' });
    expect(byName).toEqual({ data: { products: [{ sku: 'BC-350', name: 'Product BC-350', category: 'Print' }] } });
    const bySku = await gql(as(w.alpha.user), search, { q: '%fly-a%' });
    expect(bySku.data.products.map((p: { sku: string }) => p.sku)).toEqual(['FLY-A5']);
    const retired = await gql(as(w.alpha.user), search, { q: '%cal-wall%' });
    expect(retired.data.products).toEqual([]);
    const byCategory = await gql(as(w.alpha.user), '{ products(where: {active: {_eq: true}, category: {_eq: "Print"}}) { tenant_id } }');
    expect(new Set(byCategory.data.products.map((p: { tenant_id: string }) => p.tenant_id))).toEqual(new Set([w.tenantId]));
  });
});
