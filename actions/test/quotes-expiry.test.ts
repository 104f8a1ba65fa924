import { beforeAll, describe, expect, test } from 'vitest';
import { DEV_ACTION_SECRET } from '../src/config/dev-defaults.ts';
import { ACTION_SECRET_HEADER } from '../src/http/install-caller-check.ts';
import { countRows } from './support/flows.ts';
import { approve, createDraftQuote, createQuoteWorld, dayFrom, pricedQuote, sessionFor, type QuoteWorld } from './support/quote-fixtures.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

let t: TestServer;
let w: QuoteWorld;

beforeAll(async () => {
  t = await startTestServer();
  w = await createQuoteWorld(t.db.pool);
});

/** What Hasura POSTs for a cron trigger (BEHAVIOUR.md §1.4; the dev engine's cron worker sends the same). */
function cronBody(name = 'expire_quotes') {
  return { scheduled_time: new Date().toISOString(), payload: {}, name, id: crypto.randomUUID(), comment: 'Moves PRICED quotes…' };
}

async function runCron(headers: Record<string, string> = { [ACTION_SECRET_HEADER]: DEV_ACTION_SECRET }, body: unknown = cronBody()): Promise<{ status: number; body: any }> {
  const response = await fetch(`${t.url}/cron/expire-quotes`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

const statusOf = async (id: string) => (await t.db.pool.query('select status from quotes where id = $1', [id])).rows[0].status;

describe('POST /cron/expire-quotes', () => {
  test('needs the shared secret, like the actions, and Hasura’s cron payload of this trigger', async () => {
    expect((await runCron({})).body.extensions.code).toBe('UNAUTHORIZED_CALLER');
    expect((await runCron({ [ACTION_SECRET_HEADER]: 'guess' })).status).toBe(401);
    expect((await runCron(undefined, { hello: 'world' })).body.extensions.code).toBe('BAD_REQUEST');
    expect((await runCron(undefined, cronBody('nightly_report'))).body.extensions.code).toBe('BAD_REQUEST');
  });

  test('expires PRICED quotes whose valid_until day has passed, and only those, with an activity row each', async () => {
    const past = await pricedQuote(t, w, w.alpha.user);
    const lastDay = await pricedQuote(t, w, w.bravo.user);
    const draft = await createDraftQuote(t.db.pool, w.alpha.user, [{ quantity: 1 }]);
    const changes = await pricedQuote(t, w, w.alpha.user);
    await t.call('customerRequestQuoteChanges', { quoteId: changes.id, notes: 'More' }, sessionFor(w.alpha.approver));
    await t.db.pool.query('update quotes set valid_until = $2 where id = any($1)', [[past.id, changes.id], dayFrom(t, -1)]);
    await t.db.pool.query('update quotes set valid_until = $2 where id = $1', [lastDay.id, dayFrom(t, 0)]);

    const { status, body } = await runCron();
    expect(status).toBe(200);
    expect(body).toEqual({ expired: 1 });
    expect([await statusOf(past.id), await statusOf(lastDay.id), await statusOf(draft.id), await statusOf(changes.id)])
      .toEqual(['EXPIRED', 'PRICED', 'DRAFT', 'CHANGES_REQUESTED']);
    const log = await t.db.pool.query("select customer_id, user_id, actor_role, details from customer_activity_log where action = 'quote.expired'");
    expect(log.rows).toEqual([{ customer_id: w.alphaId, user_id: null, actor_role: 'system', details: { quote_number: past.number, revision: 1, valid_until: dayFrom(t, -1) } }]);
    expect(await runCron()).toEqual({ status: 200, body: { expired: 0 } });
    expect((await approve(t, w.alpha.approver, past.id, 1)).body.extensions.code).toBe('QUOTE_EXPIRED');
  });

  test('a quote priced for 30 days expires on day 31 of the server’s clock', async () => {
    const quote = await pricedQuote(t, w, w.alpha.user, { validUntil: dayFrom(t, 30) });
    t.clock.advanceSeconds(30 * 86_400);
    await runCron();
    expect(await statusOf(quote.id)).toBe('PRICED');
    t.clock.advanceSeconds(86_400);
    await runCron();
    expect(await statusOf(quote.id)).toBe('EXPIRED');
    expect(await countRows(t, "select 1 from customer_activity_log where action = 'quote.expired' and entity_id = $1", [quote.id])).toBe(1);
  });
});
