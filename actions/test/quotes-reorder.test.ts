import { beforeAll, describe, expect, test } from 'vitest';
import type { TestUser } from './support/fixtures.ts';
import { countRows } from './support/flows.ts';
import { createProduct, createQuoteWorld, sessionFor, type QuoteWorld } from './support/quote-fixtures.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

let t: TestServer;
let w: QuoteWorld;

beforeAll(async () => {
  t = await startTestServer();
  w = await createQuoteWorld(t.db.pool);
});

interface PastLine {
  productId: string | null;
  description: string;
  quantity: number;
  unitPrice: string;
}

/** A past order of `placedBy`'s company with these lines, at the prices of its day. */
async function pastOrder(placedBy: TestUser, lines: PastLine[]): Promise<{ id: string; number: string }> {
  const { rows: [order] } = await t.db.pool.query<{ id: string; order_number: string }>(
    `insert into sales_orders (tenant_id, customer_id, placed_by, placed_at, status, subtotal, shipping_address, customer_po_number)
     values ($1, $2, $3, now() - interval '90 days', 'DELIVERED', 0, '{"city": "Portland"}', 'OLD-PO') returning id, order_number`,
    [placedBy.tenantId, placedBy.customerId, placedBy.id],
  );
  for (const [i, line] of lines.entries()) {
    await t.db.pool.query(
      `insert into sales_order_lines (tenant_id, order_id, line_number, product_id, description, specifications, quantity, unit_price)
       values ($1, $2, $3, $4, $5, '{"paper": "350gsm"}', $6, $7)`,
      [placedBy.tenantId, order!.id, i + 1, line.productId, line.description, line.quantity, line.unitPrice],
    );
  }
  return { id: order!.id, number: order!.order_number };
}

const reorder = (who: TestUser, orderId: string) => t.call('customerReorder', { orderId }, sessionFor(who));

describe('customerReorder', () => {
  test('a past order whose products are all active and priced becomes a new order at today’s prices', async () => {
    const past = await pastOrder(w.alpha.user, [
      { productId: w.products.cards, description: 'Business cards', quantity: 4, unitPrice: '35.00' },
      { productId: w.products.flyers, description: 'Flyers A5', quantity: 1000, unitPrice: '0.08' },
    ]);
    const { status, body } = await reorder(w.alpha.user, past.id);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toEqual({ kind: 'ORDER', orderId: expect.any(String), orderNumber: expect.stringMatching(/^SO-/), quoteId: null, quoteNumber: null, unpricedLines: 0 });
    const { rows: [order] } = await t.db.pool.query(
      `select status, reorder_of_id, placed_by, subtotal::text, total_amount::text, shipping_address, customer_po_number, quote_id
         from sales_orders where id = $1`, [body.orderId]);
    expect(order).toEqual({
      status: 'CONFIRMED', reorder_of_id: past.id, placed_by: w.alpha.user.id, subtotal: '246.00', total_amount: '246.00',
      shipping_address: { city: 'Portland' }, customer_po_number: null, quote_id: null,
    });
    const lines = await t.db.pool.query('select product_id, description, specifications, quantity, unit_price::text from sales_order_lines where order_id = $1 order by line_number', [body.orderId]);
    expect(lines.rows).toEqual([
      { product_id: w.products.cards, description: 'Business cards', specifications: { paper: '350gsm' }, quantity: 4, unit_price: '39.00' },
      { product_id: w.products.flyers, description: 'Flyers A5', specifications: { paper: '350gsm' }, quantity: 1000, unit_price: '0.09' },
    ]);
    const events = await t.db.pool.query('select to_status, changed_by_user_id, changed_by_role from order_status_events where order_id = $1', [body.orderId]);
    expect(events.rows).toEqual([{ to_status: 'CONFIRMED', changed_by_user_id: w.alpha.user.id, changed_by_role: 'customer_user' }]);
    const log = await t.db.pool.query("select user_id, details from customer_activity_log where entity_id = $1 and action = 'order.reordered'", [body.orderId]);
    expect(log.rows).toEqual([{ user_id: w.alpha.user.id, details: expect.objectContaining({ reorder_of: past.id, reorder_of_number: past.number, subtotal: '246.00' }) }]);
    const mail = await t.db.pool.query("select user_id, subject from notifications where template = 'ORDER_PLACED' and payload->>'order_id' = $1", [body.orderId]);
    expect(mail.rows).toEqual([{ user_id: w.staff.id, subject: `New order ${body.orderNumber}` }]);
  });

  test.each([
    ['an inactive product', () => w.products.retired],
    ['a product without a list price', () => w.products.onRequest],
    ['a free-text line', () => null],
    ['a product of another tenant', () => w.products.otherTenant],
  ])('a line with %s makes it a DRAFT quote request for all the lines instead', async (_name, product) => {
    const past = await pastOrder(w.alpha.approver, [
      { productId: w.products.cards, description: 'Business cards', quantity: 2, unitPrice: '35.00' },
      { productId: product(), description: 'Special', quantity: 50, unitPrice: '3.00' },
    ]);
    const before = await countRows(t, 'select 1 from sales_orders', []);
    const { status, body } = await reorder(w.alpha.approver, past.id);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toEqual({ kind: 'QUOTE_REQUEST', orderId: null, orderNumber: null, quoteId: expect.any(String), quoteNumber: expect.stringMatching(/^Q-/), unpricedLines: 1 });
    expect(await countRows(t, 'select 1 from sales_orders', [])).toBe(before);
    const { rows: [quote] } = await t.db.pool.query('select status, customer_id, requested_by, title, revision, subtotal from quotes where id = $1', [body.quoteId]);
    expect(quote).toEqual({ status: 'DRAFT', customer_id: w.alphaId, requested_by: w.alpha.approver.id, title: `Reorder of ${past.number}`, revision: 0, subtotal: null });
    const lines = await t.db.pool.query('select line_number, product_id, description, quantity, unit_price from quote_lines where quote_id = $1 order by line_number', [body.quoteId]);
    expect(lines.rows).toEqual([
      { line_number: 1, product_id: w.products.cards, description: 'Business cards', quantity: 2, unit_price: null },
      { line_number: 2, product_id: product(), description: 'Special', quantity: 50, unit_price: null },
    ]);
    expect(await countRows(t, "select 1 from customer_activity_log where entity_id = $1 and action = 'quote.requested'", [body.quoteId])).toBe(1);
    expect(await countRows(t, "select 1 from notifications where template = 'QUOTE_REQUESTED' and payload->>'quote_id' = $1", [body.quoteId])).toBe(1);
  });

  test("another company's order is not found, and nothing is created", async () => {
    const past = await pastOrder(w.bravo.user, [{ productId: w.products.cards, description: 'Cards', quantity: 1, unitPrice: '1.00' }]);
    const before = await countRows(t, 'select 1 from sales_orders union all select 1 from quotes', []);
    const { status, body } = await reorder(w.alpha.admin, past.id);
    expect({ status, code: body.extensions.code }).toEqual({ status: 404, code: 'ORDER_NOT_FOUND' });
    expect(await countRows(t, 'select 1 from sales_orders union all select 1 from quotes', [])).toBe(before);
  });

  test('an order without lines has nothing to reorder', async () => {
    const past = await pastOrder(w.alpha.user, []);
    expect((await reorder(w.alpha.user, past.id)).body.extensions.code).toBe('NOTHING_TO_REORDER');
  });

  test('staff do not reorder for customers', async () => {
    const past = await pastOrder(w.alpha.user, [{ productId: w.products.cards, description: 'Cards', quantity: 1, unitPrice: '1.00' }]);
    expect((await reorder(w.staff, past.id)).body.extensions.code).toBe('ROLE_NOT_ALLOWED');
  });

  test('a price change since the last order is what the new order charges', async () => {
    const product = await createProduct(t.db.pool, w.tenantId, 'PST-A2', '4.20');
    const past = await pastOrder(w.alpha.user, [{ productId: product, description: 'Posters', quantity: 10, unitPrice: '4.20' }]);
    await t.db.pool.query("update products set unit_price = '4.65' where id = $1", [product]);
    const { body } = await reorder(w.alpha.user, past.id);
    const order = await t.db.pool.query('select subtotal::text from sales_orders where id = $1', [body.orderId]);
    expect(order.rows).toEqual([{ subtotal: '46.50' }]);
  });
});
