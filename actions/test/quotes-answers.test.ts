import { beforeAll, describe, expect, test } from 'vitest';
import { countRows } from './support/flows.ts';
import { createDraftQuote, createQuoteWorld, dayFrom, pricedQuote, sessionFor, type QuoteWorld } from './support/quote-fixtures.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

let t: TestServer;
let w: QuoteWorld;

beforeAll(async () => {
  t = await startTestServer();
  w = await createQuoteWorld(t.db.pool);
});

const ANSWERS = [
  { action: 'customerRejectQuote', field: 'reason', status: 'REJECTED', column: 'rejection_reason', log: 'quote.rejected', template: 'QUOTE_REJECTED', subject: 'was rejected' },
  { action: 'customerRequestQuoteChanges', field: 'notes', status: 'CHANGES_REQUESTED', column: 'change_request_notes', log: 'quote.changes_requested', template: 'QUOTE_CHANGES_REQUESTED', subject: 'Changes were requested' },
] as const;

describe.each(ANSWERS)('$action', (answer) => {
  const call = (quoteId: string, text: unknown, who = w.alpha.approver) => t.call(answer.action, { quoteId, [answer.field]: text }, sessionFor(who));

  test('records the text and who answered, writes the activity log, and tells the staff', async () => {
    const quote = await pricedQuote(t, w, w.alpha.user);
    const { status, body } = await call(quote.id, '  Budget moved to next year.  ');
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toEqual({ quoteId: quote.id, status: answer.status });
    const { rows: [q] } = await t.db.pool.query(`select status, ${answer.column} as text from quotes where id = $1`, [quote.id]);
    expect(q).toEqual({ status: answer.status, text: 'Budget moved to next year.' });
    const log = await t.db.pool.query('select user_id, actor_role, details from customer_activity_log where entity_id = $1 and action = $2', [quote.id, answer.log]);
    expect(log.rows).toEqual([{ user_id: w.alpha.approver.id, actor_role: 'customer_approver', details: expect.objectContaining({ [answer.field]: 'Budget moved to next year.', revision: 1 }) }]);
    const mail = await t.db.pool.query('select user_id, subject from notifications where template = $1 and payload->>\'quote_id\' = $2', [answer.template, quote.id]);
    expect(mail.rows).toEqual([{ user_id: w.staff.id, subject: expect.stringContaining(answer.subject) }]);
  });

  test.each([
    ['missing', undefined],
    ['empty', ''],
    ['only spaces', '   '],
    ['longer than 2000 characters', 'x'.repeat(2001)],
  ])('requires its text: %s is VALIDATION_FAILED', async (_name, text) => {
    const quote = await pricedQuote(t, w, w.alpha.user);
    const { status, body } = await call(quote.id, text);
    expect(status).toBe(400);
    expect(body.extensions).toEqual({ code: 'VALIDATION_FAILED', fields: [answer.field] });
    expect(await countRows(t, "select 1 from quotes where id = $1 and status = 'PRICED'", [quote.id])).toBe(1);
  });

  test('accepts exactly 2000 characters', async () => {
    const quote = await pricedQuote(t, w, w.alpha.user);
    expect((await call(quote.id, 'y'.repeat(2000))).status).toBe(200);
  });

  test('only a priced, valid quote of the caller’s own company, and only approvers and admins', async () => {
    const draft = await createDraftQuote(t.db.pool, w.alpha.user, [{ quantity: 1 }]);
    expect((await call(draft.id, 'why')).body.extensions.code).toBe('QUOTE_NOT_PRICED');
    const quote = await pricedQuote(t, w, w.alpha.user);
    expect((await call(quote.id, 'why', w.bravo.approver)).body.extensions.code).toBe('QUOTE_NOT_FOUND');
    expect((await call(quote.id, 'why', w.alpha.user)).body.extensions.code).toBe('ROLE_NOT_ALLOWED');
    await t.db.pool.query('update quotes set valid_until = $2 where id = $1', [quote.id, dayFrom(t, -1)]);
    expect((await call(quote.id, 'why')).body.extensions.code).toBe('QUOTE_EXPIRED');
    const decided = await pricedQuote(t, w, w.alpha.user);
    expect((await call(decided.id, 'first', w.alpha.admin)).status).toBe(200);
    expect((await call(decided.id, 'second')).body.extensions.code).toBe(answer.status === 'REJECTED' ? 'QUOTE_ALREADY_DECIDED' : 'QUOTE_NOT_PRICED');
  });
});
