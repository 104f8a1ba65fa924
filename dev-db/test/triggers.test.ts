import { beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@portal/test-support';
import { insertCustomer, insertOrder, insertQuote, insertTenant, insertUser } from './fixtures.ts';

let db: TestDatabase;
let tenantId: string;
let customerId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  tenantId = await insertTenant(db.pool);
  customerId = await insertCustomer(db.pool, tenantId);
});

async function history(orderId: string) {
  const result = await db.pool.query(
    `select from_status, to_status, changed_by_user_id, changed_by_role
       from public.order_status_events where order_id = $1 order by event_number`,
    [orderId],
  );
  return result.rows;
}

describe('order status history', () => {
  test('creating an order and every status change write one event each', async () => {
    const { id } = await insertOrder(db.pool, { tenantId, customerId });
    await db.pool.query("update public.sales_orders set status = 'IN_PRODUCTION' where id = $1", [id]);
    await db.pool.query("update public.sales_orders set tracking_number = '1Z999' where id = $1", [id]);
    await db.pool.query("update public.sales_orders set status = 'IN_PRODUCTION' where id = $1", [id]);
    await db.pool.query("update public.sales_orders set status = 'SHIPPED' where id = $1", [id]);
    expect(await history(id)).toEqual([
      { from_status: null, to_status: 'CONFIRMED', changed_by_user_id: null, changed_by_role: null },
      { from_status: 'CONFIRMED', to_status: 'IN_PRODUCTION', changed_by_user_id: null, changed_by_role: null },
      { from_status: 'IN_PRODUCTION', to_status: 'SHIPPED', changed_by_user_id: null, changed_by_role: null },
    ]);
  });

  test('the event records who acted, from the session Hasura sets for mutations', async () => {
    const staffId = await insertUser(db.pool, { tenantId, customerId: null, role: 'staff' });
    const { id } = await insertOrder(db.pool, { tenantId, customerId });
    const client = await db.pool.connect();
    try {
      await client.query('begin');
      const session = { 'x-hasura-role': 'staff', 'x-hasura-user-id': staffId };
      await client.query("select set_config('hasura.user', $1, true)", [JSON.stringify(session)]);
      await client.query("update public.sales_orders set status = 'ON_HOLD' where id = $1", [id]);
      await client.query('commit');
    } finally {
      client.release();
    }
    expect((await history(id)).at(-1)).toEqual({
      from_status: 'CONFIRMED',
      to_status: 'ON_HOLD',
      changed_by_user_id: staffId,
      changed_by_role: 'staff',
    });
  });

  test('history cannot be rewritten', async () => {
    const { id } = await insertOrder(db.pool, { tenantId, customerId });
    await expect(db.pool.query("update public.order_status_events set to_status = 'DELIVERED' where order_id = $1", [id])).rejects.toThrow(/append-only/);
    await expect(db.pool.query('delete from public.order_status_events where order_id = $1', [id])).rejects.toThrow(/append-only/);
    expect(await history(id)).toHaveLength(1);
  });
});

describe('quote request audit', () => {
  const requestsLogged = async (quoteId: string) =>
    (await db.pool.query("select user_id, actor_role, details from public.customer_activity_log where entity_id = $1 and action = 'quote.requested'", [quoteId])).rows;

  test('a request made through Hasura (its session set) is logged once, with who asked; one made without a session is not', async () => {
    const userId = await insertUser(db.pool, { tenantId, customerId, role: 'customer_user' });
    const client = await db.pool.connect();
    let viaHasura: string;
    try {
      await client.query('begin');
      await client.query("select set_config('hasura.user', $1, true)", [JSON.stringify({ 'x-hasura-role': 'customer_user', 'x-hasura-user-id': userId })]);
      viaHasura = await insertQuote(client, { tenantId, customerId });
      await client.query('commit');
    } finally {
      client.release();
    }
    expect(await requestsLogged(viaHasura)).toEqual([{ user_id: userId, actor_role: 'customer_user', details: { quote_number: expect.stringMatching(/^Q-\d{4}-\d{6}$/), title: 'Spring flyers' } }]);
    expect(await requestsLogged(await insertQuote(db.pool, { tenantId, customerId }))).toEqual([]);
  });
});

describe('document numbers', () => {
  test('order numbers count up per tenant and year, independently for each tenant', async () => {
    const freshTenant = await insertTenant(db.pool);
    const freshCustomer = await insertCustomer(db.pool, freshTenant);
    const numbers = [];
    for (const placedAt of ['2026-03-01T10:00:00Z', '2026-04-01T10:00:00Z', '2027-01-02T10:00:00Z']) {
      numbers.push((await insertOrder(db.pool, { tenantId: freshTenant, customerId: freshCustomer, placedAt })).orderNumber);
    }
    expect(numbers).toEqual(['SO-2026-000001', 'SO-2026-000002', 'SO-2027-000001']);
    const otherTenant = await insertTenant(db.pool);
    const otherCustomer = await insertCustomer(db.pool, otherTenant);
    const other = await insertOrder(db.pool, { tenantId: otherTenant, customerId: otherCustomer, placedAt: '2026-05-01T10:00:00Z' });
    expect(other.orderNumber).toBe('SO-2026-000001');
  });

  test('quotes get their own Q- numbers', async () => {
    const quoteId = await insertQuote(db.pool, { tenantId, customerId });
    const result = await db.pool.query('select quote_number from public.quotes where id = $1', [quoteId]);
    expect(result.rows[0].quote_number).toMatch(/^Q-\d{4}-\d{6}$/);
  });
});

describe('updated_at', () => {
  test('every update moves updated_at forward', async () => {
    const { id } = await insertOrder(db.pool, { tenantId, customerId });
    await db.pool.query("update public.sales_orders set updated_at = '2000-01-01' , created_at = '2000-01-01' where id = $1", [id]);
    const result = await db.pool.query('select updated_at > created_at as moved from public.sales_orders where id = $1', [id]);
    expect(result.rows[0].moved).toBe(true);
  });
});

describe('customer activity log', () => {
  let entryId: string;

  beforeAll(async () => {
    const result = await db.pool.query(
      `insert into public.customer_activity_log (tenant_id, customer_id, action, details)
       values ($1, $2, 'auth.login_succeeded', '{"method":"password"}') returning id`,
      [tenantId, customerId],
    );
    entryId = result.rows[0].id;
  });

  test('refuses UPDATE', async () => {
    await expect(
      db.pool.query("update public.customer_activity_log set action = 'auth.logout' where id = $1", [entryId]),
    ).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/append-only: UPDATE/) });
  });

  test('refuses DELETE', async () => {
    await expect(db.pool.query('delete from public.customer_activity_log where id = $1', [entryId])).rejects.toMatchObject({
      code: '42501',
      message: expect.stringMatching(/append-only: DELETE/),
    });
  });

  test('refuses TRUNCATE', async () => {
    await expect(db.pool.query('truncate public.customer_activity_log')).rejects.toMatchObject({ code: '42501' });
    const result = await db.pool.query('select count(*)::int as n from public.customer_activity_log where id = $1', [entryId]);
    expect(result.rows[0].n).toBe(1);
  });
});
