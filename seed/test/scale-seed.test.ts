import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SALES_ORDER_STATUSES } from '@portal/common';
import { createTestDatabase } from '@portal/test-support';
import { countRows, scalePlan, seedScale, type SeedScaleResult } from '../src/index.ts';
import { counterProblems, evidenceProblems, historyProblems } from './seed-checks.ts';

const NOW = new Date('2026-06-15T12:00:00Z');
const SCALE = 0.01;
const db = await createTestDatabase();
const twin = await createTestDatabase();
let client: pg.PoolClient;
let result: SeedScaleResult;

beforeAll(async () => {
  client = await db.pool.connect();
  result = await seedScale(client, { scale: SCALE, bcryptCost: 4, now: NOW });
});
afterAll(() => client.release());

/** A digest of the generated business data, to compare two runs. */
async function fingerprint(c: pg.ClientBase): Promise<string> {
  const { rows } = await c.query<{ digest: string }>(
    `select md5(string_agg(concat_ws('|', o.id, o.order_number, o.status, o.placed_at, o.total_amount, o.tracking_number,
              (select string_agg(concat_ws(':', l.product_id, l.quantity, l.unit_price), ',' order by l.line_number)
                 from sales_order_lines l where l.order_id = o.id)), ';' order by o.order_number)) as digest
       from sales_orders o join tenants t on t.id = o.tenant_id where t.slug = $1`,
    [scalePlan(SCALE).slug],
  );
  return rows[0]!.digest;
}

describe('scale plan', () => {
  it('has the documented targets at scale 1 and shrinks proportionally', () => {
    expect(scalePlan(1)).toMatchObject({ customers: 500, users: 10_000, orders: 50_000, quotes: 20_000 });
    expect(scalePlan(0.01)).toMatchObject({ customers: 5, users: 100, orders: 500, quotes: 200, slug: 'scale-x0-01' });
    expect(scalePlan(0.5)).toMatchObject({ customers: 250, users: 5_000, orders: 25_000, quotes: 10_000 });
  });

  it('refuses a scale that is not positive or too large', () => {
    expect(() => scalePlan(0)).toThrow(/scale must be > 0/);
    expect(() => scalePlan(11)).toThrow(/at most|<= 10/);
  });
});

describe(`scale seed at ${SCALE}`, () => {
  it('writes the planned number of customers, users, products, orders and quotes', async () => {
    const plan = scalePlan(SCALE);
    const counts = await countRows(client, result.tenantId);
    expect(result.seeded).toBe(true);
    expect(counts).toMatchObject({
      tenants: 1, customers: plan.customers, customer_users: plan.users, products: plan.products,
      sales_orders: plan.orders, quotes: plan.quotes,
    });
    const { document_number_counters: _counters, ...inserted } = counts;
    expect(result.counts).toEqual(inserted);
    for (const table of ['proofs', 'artwork_files', 'customer_activity_log', 'notifications', 'quote_lines']) {
      expect(counts[table], table).toBeGreaterThan(0);
    }
  });

  it('gives every order 3 to 5 lines', async () => {
    const { rows } = await client.query<{ min: number; max: number; avg: string; orders: number }>(
      `select min(n)::int as min, max(n)::int as max, avg(n)::numeric(4, 2)::text as avg, count(*)::int as orders
         from (select o.id, count(l.id) as n from sales_orders o left join sales_order_lines l on l.order_id = o.id
                where o.tenant_id = $1 group by o.id) per_order`,
      [result.tenantId],
    );
    expect(rows[0]).toMatchObject({ min: 3, max: 5, orders: scalePlan(SCALE).orders });
    expect(Number(rows[0]!.avg)).toBeGreaterThan(3.5);
    expect(Number(rows[0]!.avg)).toBeLessThan(4.5);
  });

  it('has a status history consistent with every order', async () => {
    expect(await historyProblems(client, result.tenantId)).toEqual([]);
  });

  it('streams events in time order (event_number follows created_at)', async () => {
    const { rows } = await client.query<{ inversions: number }>(
      `select count(*)::int as inversions from (
         select created_at < lag(created_at) over (order by event_number) as back
           from order_status_events where tenant_id = $1) e where back`,
      [result.tenantId],
    );
    expect(rows[0]!.inversions).toBe(0);
  });

  it('spreads the orders over several statuses', async () => {
    const { rows } = await client.query<{ status: string }>(
      `select distinct status from sales_orders where tenant_id = $1`, [result.tenantId],
    );
    const statuses = rows.map((r) => r.status);
    expect(statuses.every((s) => (SALES_ORDER_STATUSES as readonly string[]).includes(s))).toBe(true);
    expect(statuses).toEqual(expect.arrayContaining(['DELIVERED', 'CANCELLED']));
  });

  it('numbers documents consistently with the counters, so the triggers continue the sequence', async () => {
    expect(await counterProblems(client, result.tenantId)).toEqual([]);
    await client.query('begin');
    try {
      const customer = await client.query<{ id: string }>('select id from customers where tenant_id = $1 limit 1', [result.tenantId]);
      const inserted = await client.query<{ order_number: string }>(
        `insert into sales_orders (tenant_id, customer_id, placed_at) values ($1, $2, $3) returning order_number`,
        [result.tenantId, customer.rows[0]!.id, NOW],
      );
      const counter = await client.query<{ last_value: number }>(
        `select last_value from document_number_counters where tenant_id = $1 and prefix = 'SO' and year = $2`,
        [result.tenantId, NOW.getUTCFullYear()],
      );
      expect(inserted.rows[0]!.order_number).toBe(`SO-${NOW.getUTCFullYear()}-${String(counter.rows[0]!.last_value).padStart(6, '0')}`);
      expect(counter.rows[0]!.last_value).toBeGreaterThan(1);
    } finally {
      await client.query('rollback');
    }
  });

  it('links every converted quote to an order made from it', async () => {
    const { rows } = await client.query<{ converted: number; linked: number }>(
      `select count(*)::int as converted, count(o.id) filter (where o.quote_id = q.id)::int as linked
         from quotes q left join sales_orders o on o.id = q.converted_order_id
        where q.tenant_id = $1 and q.status = 'CONVERTED'`,
      [result.tenantId],
    );
    expect(rows[0]!.converted).toBeGreaterThan(0);
    expect(rows[0]!.linked).toBe(rows[0]!.converted);
  });

  it('keeps a revision of every priced quote, and the acceptance of every converted one, that verify', async () => {
    expect(await evidenceProblems(client, result.tenantId)).toEqual([]);
  });

  it('gives all generated users one shared hash (hashed once)', async () => {
    const { rows } = await client.query<{ hashes: number }>(
      'select count(distinct password_hash)::int as hashes from customer_users where tenant_id = $1', [result.tenantId],
    );
    expect(rows[0]!.hashes).toBe(1);
  });

  it('does nothing the second time', async () => {
    const before = await countRows(client);
    expect(await seedScale(client, { scale: SCALE, bcryptCost: 4, now: NOW })).toMatchObject({ seeded: false, counts: {} });
    expect(await countRows(client)).toEqual(before);
  });

  it('is reproducible: the same scale and clock give the same data in another database', async () => {
    const other = await twin.pool.connect();
    try {
      await seedScale(other, { scale: SCALE, bcryptCost: 4, now: NOW });
      expect(await fingerprint(other)).toBe(await fingerprint(client));
    } finally {
      other.release();
    }
  });
});
