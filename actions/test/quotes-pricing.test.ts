import { beforeAll, describe, expect, test } from 'vitest';
import { contentHash, type RevisionContent } from '../src/quotes/quote-evidence.ts';
import { countRows } from './support/flows.ts';
import { callPriceQuote, createDraftQuote, createQuoteWorld, dayFrom, pricedQuote, sessionFor, type QuoteWorld } from './support/quote-fixtures.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

let t: TestServer;
let w: QuoteWorld;

beforeAll(async () => {
  t = await startTestServer();
  w = await createQuoteWorld(t.db.pool);
});

const draft = () =>
  createDraftQuote(t.db.pool, w.alpha.user, [
    { productId: w.products.cards, description: 'Business cards', quantity: 3, specifications: { finish: 'matt', sides: 2 } },
    { description: 'Die-cut sleeves, free text', quantity: 250 },
  ]);

describe('staffPriceQuote', () => {
  test('prices a request as revision 1: line prices, totals, the snapshot with its hash, PRICED', async () => {
    const quote = await draft();
    const { status, body } = await callPriceQuote(t, w.staff, quote, {
      prices: ['39.5', '1.20'], setupAmount: '45.00', taxAmount: '12.34', shippingAmount: '9.99',
      validUntil: dayFrom(t, 14), noteToCustomer: '  Ships in two boxes.  ',
    });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toEqual({ quoteId: quote.id, revision: 1, status: 'PRICED' });
    const { rows: [q] } = await t.db.pool.query(
      `select status, revision, subtotal::text, setup_amount::text, tax_amount::text, shipping_amount::text, total_amount::text,
              valid_until::text, note_to_customer, priced_by from quotes where id = $1`, [quote.id]);
    expect(q).toEqual({
      status: 'PRICED', revision: 1, subtotal: '418.50', setup_amount: '45.00', tax_amount: '12.34', shipping_amount: '9.99',
      total_amount: '485.83', valid_until: dayFrom(t, 14), note_to_customer: 'Ships in two boxes.', priced_by: w.staff.id,
    });
    const lines = await t.db.pool.query('select unit_price::text, line_total::text from quote_lines where quote_id = $1 order by line_number', [quote.id]);
    expect(lines.rows).toEqual([{ unit_price: '39.50', line_total: '118.50' }, { unit_price: '1.20', line_total: '300.00' }]);

    const { rows: [rev] } = await t.db.pool.query(
      `select revision, customer_id, currency_code, valid_until::text, subtotal::text, setup_amount::text, tax_amount::text,
              shipping_amount::text, total_amount::text, lines, content_hash, priced_by from quote_revisions where quote_id = $1`, [quote.id]);
    expect(rev.lines).toEqual([
      { line_id: quote.lineIds[0], line_number: 1, product_id: w.products.cards, sku: 'BC-350', description: 'Business cards', specifications: { finish: 'matt', sides: 2 }, quantity: 3, unit_price: '39.50', line_total: '118.50' },
      { line_id: quote.lineIds[1], line_number: 2, product_id: null, sku: null, description: 'Die-cut sleeves, free text', specifications: {}, quantity: 250, unit_price: '1.20', line_total: '300.00' },
    ]);
    const content: RevisionContent = {
      quote_id: quote.id, revision: 1, currency_code: 'USD', valid_until: rev.valid_until, subtotal: '418.50', setup_amount: '45.00',
      tax_amount: '12.34', shipping_amount: '9.99', total_amount: '485.83', lines: rev.lines,
    };
    expect(rev).toMatchObject({ customer_id: w.alphaId, total_amount: '485.83', priced_by: w.staff.id, content_hash: contentHash(content) });
    expect(rev.content_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('writes the activity log and tells the requester, in the same transaction', async () => {
    const quote = await draft();
    await callPriceQuote(t, w.staff, quote, { prices: ['1.00', '1.00'] });
    const log = await t.db.pool.query(
      "select user_id, actor_role, customer_id, details from customer_activity_log where entity_id = $1 and action = 'quote.priced'", [quote.id]);
    expect(log.rows).toEqual([{ user_id: w.staff.id, actor_role: 'staff', customer_id: w.alphaId, details: expect.objectContaining({ revision: 1, quote_number: quote.number, total_amount: '253.00', previous_status: 'DRAFT' }) }]);
    const mail = await t.db.pool.query("select user_id, subject, payload from notifications where template = 'QUOTE_PRICED' and payload->>'quote_id' = $1", [quote.id]);
    expect(mail.rows).toEqual([{ user_id: w.alpha.user.id, subject: `Quote ${quote.number} is ready for your decision`, payload: expect.objectContaining({ revision: 1, total_amount: '253.00' }) }]);
  });

  test('a requester who turned "quote priced" emails off gets none', async () => {
    await t.db.pool.query(`update customer_users set notification_preferences = notification_preferences || '{"quote_priced": false}' where id = $1`, [w.bravo.user.id]);
    const quote = await createDraftQuote(t.db.pool, w.bravo.user, [{ quantity: 1 }]);
    expect((await callPriceQuote(t, w.staff, quote, { prices: ['5.00'] })).status).toBe(200);
    expect(await countRows(t, "select 1 from notifications where payload->>'quote_id' = $1", [quote.id])).toBe(0);
  });

  test('answers a change request with revision n+1 and keeps revision n unchanged', async () => {
    const quote = await pricedQuote(t, w, w.alpha.user);
    const before = await t.db.pool.query('select * from quote_revisions where quote_id = $1', [quote.id]);
    await t.call('customerRequestQuoteChanges', { quoteId: quote.id, notes: 'Cheaper flyers, please' }, sessionFor(w.alpha.approver));
    const { status, body } = await callPriceQuote(t, w.staff, quote, { prices: ['39.00', '0.07'] });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.revision).toBe(2);
    const revisions = await t.db.pool.query('select revision, subtotal::text from quote_revisions where quote_id = $1 order by revision', [quote.id]);
    expect(revisions.rows).toEqual([{ revision: 1, subtotal: '4080.00' }, { revision: 2, subtotal: '4040.00' }]);
    const first = await t.db.pool.query('select * from quote_revisions where quote_id = $1 and revision = 1', [quote.id]);
    expect(first.rows).toEqual(before.rows);
  });

  test('revisions cannot be changed or deleted, even by SQL', async () => {
    const quote = await pricedQuote(t, w, w.alpha.user);
    await expect(t.db.pool.query("update quote_revisions set subtotal = 1 where quote_id = $1", [quote.id])).rejects.toThrow(/append-only/);
    await expect(t.db.pool.query('delete from quote_revisions where quote_id = $1', [quote.id])).rejects.toThrow(/append-only/);
  });

  test('refuses a quote that is priced and not sent back, or decided', async () => {
    const quote = await pricedQuote(t, w, w.alpha.user);
    const again = await callPriceQuote(t, w.staff, quote, { prices: ['1.00', '1.00'] });
    expect(again).toMatchObject({ status: 409, body: { extensions: { code: 'QUOTE_NOT_PRICEABLE', status: 'PRICED' } } });
  });

  test("another tenant's staff, and customers, cannot price", async () => {
    const quote = await draft();
    const other = await callPriceQuote(t, w.otherStaff, quote, { prices: ['1.00', '1.00'] });
    expect(other).toMatchObject({ status: 404, body: { extensions: { code: 'QUOTE_NOT_FOUND' } } });
    const customer = await callPriceQuote(t, w.alpha.admin, quote, { prices: ['1.00', '1.00'] });
    expect(customer).toMatchObject({ status: 403, body: { extensions: { code: 'ROLE_NOT_ALLOWED' } } });
    expect(await countRows(t, 'select 1 from quote_revisions where quote_id = $1', [quote.id])).toBe(0);
  });

  test.each([
    ['a price for every line', { prices: ['1.00'], onlyFirstLine: true }, 'lines', /missing: line 2/],
    ['money as a decimal string', { prices: ['1.005', '1'] }, 'lines.0.unitPrice', /amount such as 1234.50/],
    ['no negative amounts', { prices: ['1', '1'], taxAmount: '-1.00' }, 'taxAmount', /amount such as/],
    ['valid until after today', { prices: ['1', '1'], validUntil: 'today' }, 'validUntil', /after today/],
    ['a real date', { prices: ['1', '1'], validUntil: '2026-02-30' }, 'validUntil', /date such as/],
    ['totals within numeric(14,2)', { prices: ['999999999999.99', '1'] }, 'lines', /too large/],
  ])('requires %s (VALIDATION_FAILED naming the field)', async (_name, options, field, message) => {
    const quote = await draft();
    const { onlyFirstLine, validUntil, ...prices } = options as typeof options & { onlyFirstLine?: boolean; validUntil?: string };
    const priced = onlyFirstLine ? { ...quote, lineIds: quote.lineIds.slice(0, 1) } : quote;
    const date = validUntil === 'today' ? dayFrom(t, 0) : (validUntil ?? dayFrom(t, 30));
    const { status, body } = await callPriceQuote(t, w.staff, priced, { ...prices, validUntil: date });
    expect(status).toBe(400);
    expect(body.extensions).toEqual({ code: 'VALIDATION_FAILED', fields: [field] });
    expect(body.message).toMatch(message);
    expect(await countRows(t, "select 1 from quotes where id = $1 and status = 'DRAFT' and revision = 0", [quote.id])).toBe(1);
  });

  test("refuses prices for lines of another quote", async () => {
    const quote = await draft();
    const other = await draft();
    const { body } = await callPriceQuote(t, w.staff, { id: quote.id, lineIds: [quote.lineIds[0]!, other.lineIds[1]!] }, { prices: ['1', '1'] });
    expect(body.extensions.code).toBe('VALIDATION_FAILED');
    expect(body.message).toMatch(/is not a line of this quote/);
  });
});
