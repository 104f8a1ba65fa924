import { beforeAll, describe, expect, test } from 'vitest';
import { countRows } from './support/flows.ts';
import { approve, createDraftQuote, createQuoteWorld, dayFrom, pricedQuote, sessionFor, type QuoteWorld } from './support/quote-fixtures.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

let t: TestServer;
let w: QuoteWorld;

beforeAll(async () => {
  // One trusted proxy hop (the engine), so the client's address reaches the acceptance evidence.
  t = await startTestServer({ env: { ACTIONS_TRUSTED_PROXIES: '127.0.0.1, ::1' } });
  w = await createQuoteWorld(t.db.pool);
});

const ordersOf = (quoteId: string) => countRows(t, 'select 1 from sales_orders where quote_id = $1', [quoteId]);

describe('customerApproveQuote', () => {
  test('creates one order with the priced lines, links it both ways, and keeps the evidence', async () => {
    const quote = await pricedQuote(t, w, w.alpha.user, { setupAmount: '50.00', taxAmount: '100.00', shippingAmount: '25.00' });
    await t.db.pool.query("update quotes set needed_by = $2, customer_po_number = 'PO-FROM-REQUEST' where id = $1", [quote.id, dayFrom(t, 20)]);
    const { status, body } = await t.call(
      'customerApproveQuote',
      { quoteId: quote.id, revision: 1, customerPoNumber: ' PO-4471 ', requestedDeliveryDate: dayFrom(t, 10) },
      sessionFor(w.alpha.approver),
      { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-user-agent': 'Mozilla/5.0 (Approver)' },
    );
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toEqual({ quoteId: quote.id, orderId: expect.any(String), orderNumber: expect.stringMatching(/^SO-\d{4}-\d{6}$/) });

    const { rows: [order] } = await t.db.pool.query(
      `select quote_id, customer_id, status, placed_by, customer_po_number, requested_delivery_date::text, subtotal::text,
              setup_amount::text, tax_amount::text, shipping_amount::text, total_amount::text, order_number
         from sales_orders where id = $1`, [body.orderId]);
    expect(order).toEqual({
      quote_id: quote.id, customer_id: w.alphaId, status: 'CONFIRMED', placed_by: w.alpha.approver.id, customer_po_number: 'PO-4471',
      requested_delivery_date: dayFrom(t, 10), subtotal: '4080.00', setup_amount: '50.00', tax_amount: '100.00', shipping_amount: '25.00',
      total_amount: '4255.00', order_number: body.orderNumber,
    });
    const lines = await t.db.pool.query('select line_number, product_id, quote_line_id, quantity, unit_price::text, line_total::text from sales_order_lines where order_id = $1 order by line_number', [body.orderId]);
    expect(lines.rows).toEqual([
      { line_number: 1, product_id: w.products.cards, quote_line_id: quote.lineIds[0], quantity: 100, unit_price: '39.00', line_total: '3900.00' },
      { line_number: 2, product_id: w.products.flyers, quote_line_id: quote.lineIds[1], quantity: 2000, unit_price: '0.09', line_total: '180.00' },
    ]);
    const { rows: [q] } = await t.db.pool.query('select status, converted_order_id, decided_by, decided_at is not null as decided from quotes where id = $1', [quote.id]);
    expect(q).toEqual({ status: 'CONVERTED', converted_order_id: body.orderId, decided_by: w.alpha.approver.id, decided: true });

    const { rows: [acceptance] } = await t.db.pool.query(
      `select a.order_id, a.revision, a.accepted_by, a.accepted_role, host(a.ip) as ip, a.user_agent, a.mfa_used, a.customer_po_number,
              a.content_hash = r.content_hash as hash_is_the_revisions, a.accepted_at = q.decided_at as at_decision
         from quote_acceptances a join quote_revisions r on r.quote_id = a.quote_id and r.revision = a.revision join quotes q on q.id = a.quote_id
        where a.quote_id = $1`, [quote.id]);
    expect(acceptance).toEqual({
      order_id: body.orderId, revision: 1, accepted_by: w.alpha.approver.id, accepted_role: 'customer_approver', ip: '203.0.113.7',
      user_agent: 'Mozilla/5.0 (Approver)', mfa_used: false, customer_po_number: 'PO-4471', hash_is_the_revisions: true, at_decision: true,
    });
  });

  test('records the status history with the approver, the audit row, and tells the tenant’s staff only', async () => {
    const quote = await pricedQuote(t, w, w.alpha.user);
    const { body } = await approve(t, w.alpha.approver, quote.id, 1);
    const events = await t.db.pool.query('select from_status, to_status, changed_by_user_id, changed_by_role from order_status_events where order_id = $1', [body.orderId]);
    expect(events.rows).toEqual([{ from_status: null, to_status: 'CONFIRMED', changed_by_user_id: w.alpha.approver.id, changed_by_role: 'customer_approver' }]);
    const log = await t.db.pool.query("select user_id, actor_role, user_agent, details from customer_activity_log where entity_id = $1 and action = 'quote.approved'", [quote.id]);
    expect(log.rows).toEqual([{
      user_id: w.alpha.approver.id, actor_role: 'customer_approver', user_agent: 'QuoteTest/1.0',
      details: expect.objectContaining({ order_id: body.orderId, order_number: body.orderNumber, revision: 1, total_amount: '4080.00', mfa_used: false }),
    }]);
    const mail = await t.db.pool.query("select user_id, subject from notifications where template = 'QUOTE_APPROVED' and payload->>'quote_id' = $1", [quote.id]);
    expect(mail.rows).toEqual([{ user_id: w.staff.id, subject: `Quote ${quote.number} was approved` }]);
  });

  test('defaults the PO number and delivery date to the request’s', async () => {
    const quote = await pricedQuote(t, w, w.alpha.user);
    await t.db.pool.query("update quotes set needed_by = $2, customer_po_number = 'PO-REQ-9' where id = $1", [quote.id, dayFrom(t, 21)]);
    const { body } = await approve(t, w.alpha.admin, quote.id, 1);
    const { rows: [order] } = await t.db.pool.query('select customer_po_number, requested_delivery_date::text from sales_orders where id = $1', [body.orderId]);
    expect(order).toEqual({ customer_po_number: 'PO-REQ-9', requested_delivery_date: dayFrom(t, 21) });
  });

  test('records whether the approver’s account has a second factor', async () => {
    await t.db.pool.query("update customer_users set mfa_enabled = true, mfa_secret_encrypted = 'sealed', mfa_enabled_at = now() where id = $1", [w.alpha.admin.id]);
    try {
      const quote = await pricedQuote(t, w, w.alpha.user);
      expect((await approve(t, w.alpha.admin, quote.id, 1)).status).toBe(200);
      expect((await t.db.pool.query('select mfa_used from quote_acceptances where quote_id = $1', [quote.id])).rows).toEqual([{ mfa_used: true }]);
    } finally {
      await t.db.pool.query('update customer_users set mfa_enabled = false, mfa_secret_encrypted = null where id = $1', [w.alpha.admin.id]);
    }
  });

  test('refuses an expired quote, by status and by date even before the expiry job ran', async () => {
    const byDate = await pricedQuote(t, w, w.alpha.user);
    await t.db.pool.query('update quotes set valid_until = $2 where id = $1', [byDate.id, dayFrom(t, -1)]);
    expect((await approve(t, w.alpha.approver, byDate.id, 1)).body.extensions.code).toBe('QUOTE_EXPIRED');
    const lastDay = await pricedQuote(t, w, w.alpha.user);
    await t.db.pool.query('update quotes set valid_until = $2 where id = $1', [lastDay.id, dayFrom(t, 0)]);
    expect((await approve(t, w.alpha.approver, lastDay.id, 1)).status).toBe(200);
    const byStatus = await pricedQuote(t, w, w.alpha.user);
    await t.db.pool.query("update quotes set status = 'EXPIRED' where id = $1", [byStatus.id]);
    const { status, body } = await approve(t, w.alpha.approver, byStatus.id, 1);
    expect({ status, code: body.extensions.code }).toEqual({ status: 409, code: 'QUOTE_EXPIRED' });
    expect(await ordersOf(byDate.id) + await ordersOf(byStatus.id)).toBe(0);
  });

  test('refuses an unpriced quote', async () => {
    const quote = await createDraftQuote(t.db.pool, w.alpha.user, [{ quantity: 5 }]);
    expect((await approve(t, w.alpha.approver, quote.id, 1)).body).toEqual({
      message: 'This quote has no price to decide on yet.', extensions: { code: 'QUOTE_NOT_PRICED' },
    });
  });

  test("another company's quote is not found, and is left alone", async () => {
    const quote = await pricedQuote(t, w, w.alpha.user);
    const { status, body } = await approve(t, w.bravo.approver, quote.id, 1);
    expect({ status, code: body.extensions.code }).toEqual({ status: 404, code: 'QUOTE_NOT_FOUND' });
    expect(await ordersOf(quote.id)).toBe(0);
    expect(await countRows(t, "select 1 from customer_activity_log where entity_id = $1 and action like 'quote.approv%'", [quote.id])).toBe(0);
  });

  test('refuses a stale revision and names the current one', async () => {
    const quote = await pricedQuote(t, w, w.alpha.user);
    await t.call('customerRequestQuoteChanges', { quoteId: quote.id, notes: 'Fewer cards' }, sessionFor(w.alpha.approver));
    await t.call('staffPriceQuote', { quoteId: quote.id, lines: quote.lineIds.map((lineId) => ({ lineId, unitPrice: '1.00' })), validUntil: dayFrom(t, 9) }, sessionFor(w.staff));
    const stale = await approve(t, w.alpha.approver, quote.id, 1);
    expect(stale).toMatchObject({ status: 409, body: { extensions: { code: 'STALE_REVISION', currentRevision: 2 } } });
    const log = await t.db.pool.query("select details from customer_activity_log where entity_id = $1 and action = 'quote.approval_refused'", [quote.id]);
    expect(log.rows).toEqual([{ details: expect.objectContaining({ reason: 'STALE_REVISION', revision: 1 }) }]);
    const current = await approve(t, w.alpha.approver, quote.id, 2);
    expect(current.status).toBe(200);
    const order = await t.db.pool.query('select subtotal::text from sales_orders where id = $1', [current.body.orderId]);
    expect(order.rows).toEqual([{ subtotal: '2100.00' }]);
  });

  describe('the approval limit', () => {
    test('above it only someone acting as customer_admin may approve; at it an approver may', async () => {
      await t.db.pool.query("update customers set approval_limit = '4080.00' where id = $1", [w.alphaId]);
      try {
        const atLimit = await pricedQuote(t, w, w.alpha.user);
        expect((await approve(t, w.alpha.approver, atLimit.id, 1)).status).toBe(200);
        const above = await pricedQuote(t, w, w.alpha.user, { shippingAmount: '0.01' });
        const byApprover = await approve(t, w.alpha.approver, above.id, 1);
        expect(byApprover).toMatchObject({ status: 403, body: { extensions: { code: 'APPROVAL_LIMIT_EXCEEDED', approvalLimit: '4080.00' } } });
        const adminAsApprover = await approve(t, w.alpha.admin, above.id, 1, {}, 'customer_approver');
        expect(adminAsApprover.body.extensions.code).toBe('APPROVAL_LIMIT_EXCEEDED');
        expect(await ordersOf(above.id)).toBe(0);
        const byAdmin = await approve(t, w.alpha.admin, above.id, 1);
        expect(byAdmin.status).toBe(200);
        const accepted = await t.db.pool.query('select accepted_role from quote_acceptances where quote_id = $1', [above.id]);
        expect(accepted.rows).toEqual([{ accepted_role: 'customer_admin' }]);
      } finally {
        await t.db.pool.query('update customers set approval_limit = null where id = $1', [w.alphaId]);
      }
    });

    test('a change of the limit is in the activity log', async () => {
      await t.db.pool.query("update customers set approval_limit = '100.00' where id = $1", [w.bravoId]);
      const log = await t.db.pool.query("select customer_id, details from customer_activity_log where action = 'customer.approval_limit_changed' and entity_id = $1", [w.bravoId]);
      expect(log.rows).toEqual([{ customer_id: w.bravoId, details: { from: null, to: 100 } }]);
    });
  });

  test('a customer_user may not approve, nor someone claiming a role their account lacks', async () => {
    const quote = await pricedQuote(t, w, w.alpha.user);
    const user = await approve(t, w.alpha.user, quote.id, 1);
    expect(user).toMatchObject({ status: 403, body: { extensions: { code: 'ROLE_NOT_ALLOWED' } } });
    const forged = await approve(t, w.alpha.user, quote.id, 1, {}, 'customer_approver');
    expect(forged).toMatchObject({ status: 403, body: { extensions: { code: 'SESSION_INVALID' } } });
    const staff = await t.call('customerApproveQuote', { quoteId: quote.id, revision: 1 }, sessionFor(w.staff));
    expect(staff.body.extensions.code).toBe('ROLE_NOT_ALLOWED');
    expect(await ordersOf(quote.id)).toBe(0);
  });

  test('approving twice: QUOTE_ALREADY_CONVERTED, pointing at the order; a rejected quote is already decided', async () => {
    const quote = await pricedQuote(t, w, w.alpha.user);
    const first = await approve(t, w.alpha.approver, quote.id, 1);
    const second = await approve(t, w.alpha.admin, quote.id, 1);
    expect(second).toMatchObject({ status: 409, body: { extensions: { code: 'QUOTE_ALREADY_CONVERTED', orderId: first.body.orderId } } });
    const rejected = await pricedQuote(t, w, w.alpha.user);
    await t.call('customerRejectQuote', { quoteId: rejected.id, reason: 'Too dear' }, sessionFor(w.alpha.approver));
    expect((await approve(t, w.alpha.approver, rejected.id, 1)).body.extensions.code).toBe('QUOTE_ALREADY_DECIDED');
  });

  test('two approvers at once, 20 times: one order and one QUOTE_ALREADY_CONVERTED each time', async () => {
    for (let round = 0; round < 20; round++) {
      const quote = await pricedQuote(t, w, w.alpha.user);
      const answers = await Promise.all([approve(t, w.alpha.approver, quote.id, 1), approve(t, w.alpha.admin, quote.id, 1)]);
      expect(answers.map((a) => a.status).sort(), `round ${round}`).toEqual([200, 409]);
      expect(answers.find((a) => a.status === 409)!.body.extensions.code).toBe('QUOTE_ALREADY_CONVERTED');
      expect(await ordersOf(quote.id)).toBe(1);
      expect(await countRows(t, 'select 1 from quote_acceptances where quote_id = $1', [quote.id])).toBe(1);
    }
  });

  test('input is validated, naming the field', async () => {
    const { status, body } = await t.call('customerApproveQuote', { quoteId: 'nope', revision: 0, customerPoNumber: 'x'.repeat(65) }, sessionFor(w.alpha.approver));
    expect(status).toBe(400);
    expect(body.extensions).toEqual({ code: 'VALIDATION_FAILED', fields: ['quoteId', 'revision', 'customerPoNumber'] });
  });
});
