import bcrypt from 'bcrypt';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTWORK_FILE_STATUSES, PROOF_STATUSES, QUOTE_STATUSES, SALES_ORDER_STATUSES, USER_ROLES } from '@portal/common';
import { hashApiKey, splitApiKey } from '@portal/actions/api-keys';
import { createTestDatabase } from '@portal/test-support';
import {
  countRows, DEMO_ACCOUNTS, DEMO_COMPANIES, DEMO_INTEGRATORS, isSeeded, seedDemo,
  type SeedDemoResult,
} from '../src/index.ts';
import { counterProblems, evidenceProblems, historyProblems, statusesIn } from './seed-checks.ts';

const db = await createTestDatabase();
let client: pg.PoolClient;
let result: SeedDemoResult;
const now = new Date();

beforeAll(async () => {
  client = await db.pool.connect();
  expect(await isSeeded(client)).toBe(false);
  result = await seedDemo(client, { bcryptCost: 4, now });
});
afterAll(() => client.release());

describe('demo seed: contents', () => {
  it('reports exactly the rows the tenant now holds', async () => {
    expect(result.seeded).toBe(true);
    const { document_number_counters: _counters, ...held } = await countRows(client, result.tenantId);
    expect(result.counts).toEqual(held);
    expect(held.products).toBeGreaterThanOrEqual(20);
  });

  it.each([
    ['quotes', QUOTE_STATUSES],
    ['sales_orders', SALES_ORDER_STATUSES],
    ['proofs', PROOF_STATUSES],
    ['artwork_files', ARTWORK_FILE_STATUSES],
  ] as const)('fills every status of %s', async (table, statuses) => {
    expect(await statusesIn(client, table, result.tenantId)).toEqual([...statuses].sort());
  });

  it('gives every order 1–5 lines and totals that add up', async () => {
    const { rows } = await client.query<{ order_number: string; lines: number; subtotal: string; sum: string }>(
      `select o.order_number, count(l.id)::int as lines, o.subtotal::text, coalesce(sum(l.line_total), 0)::text as sum
         from sales_orders o left join sales_order_lines l on l.order_id = o.id
        where o.tenant_id = $1 group by o.id`,
      [result.tenantId],
    );
    expect(rows.length).toBeGreaterThanOrEqual(SALES_ORDER_STATUSES.length);
    for (const row of rows) {
      expect(row.lines, row.order_number).toBeGreaterThanOrEqual(1);
      expect(row.lines, row.order_number).toBeLessThanOrEqual(5);
      expect(row.subtotal, row.order_number).toBe(row.sum);
    }
  });

  it('has a status history consistent with every order', async () => {
    expect(await historyProblems(client, result.tenantId)).toEqual([]);
  });

  it('has tracking numbers exactly on shipped and delivered orders', async () => {
    const { rows } = await client.query<{ status: string; tracked: boolean }>(
      `select status, (tracking_number is not null and carrier is not null and shipped_at is not null) as tracked
         from sales_orders where tenant_id = $1`,
      [result.tenantId],
    );
    for (const row of rows) expect(row.tracked, row.status).toBe(row.status === 'SHIPPED' || row.status === 'DELIVERED');
  });

  it('links converted quotes and their orders both ways, with the same lines', async () => {
    const { rows } = await client.query<{ status: string; linked: boolean; same_lines: boolean }>(
      `select q.status, o.quote_id is not distinct from q.id and o.id is not null as linked,
              (select count(*) from sales_order_lines l join quote_lines ql on ql.id = l.quote_line_id
                where l.order_id = o.id and ql.quote_id = q.id and ql.quantity = l.quantity)
            = (select count(*) from quote_lines where quote_id = q.id) as same_lines
         from quotes q left join sales_orders o on o.id = q.converted_order_id
        where q.tenant_id = $1 and q.status = 'CONVERTED'`,
      [result.tenantId],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatchObject({ linked: true, same_lines: true });
  });

  it('keeps a revision of every priced quote, and the acceptance of every converted one, that verify', async () => {
    expect(await evidenceProblems(client, result.tenantId)).toEqual([]);
    expect(result.counts.quote_acceptances).toBe(2);
  });

  it('gives Bluepeak an approval limit and priced quotes on both sides of it', async () => {
    const { rows } = await client.query<{ limit: string; under: number; over: number; others: number }>(
      `select c.approval_limit::text as limit,
              count(*) filter (where q.total_amount <= c.approval_limit)::int as under,
              count(*) filter (where q.total_amount > c.approval_limit)::int as over,
              (select count(*)::int from customers o where o.tenant_id = c.tenant_id and o.approval_limit is not null and o.id <> c.id) as others
         from customers c join quotes q on q.customer_id = c.id and q.status = 'PRICED' and q.valid_until > current_date
        where c.tenant_id = $1 and c.customer_code = 'BLUEPEAK' group by c.id`,
      [result.tenantId],
    );
    expect(rows).toEqual([{ limit: '5000.00', under: 1, over: 1, others: 0 }]);
  });

  it('keeps priced quotes valid and expired ones past their date', async () => {
    const { rows } = await client.query<{ status: string; valid: boolean }>(
      `select status, valid_until >= current_date as valid from quotes where tenant_id = $1 and status in ('PRICED', 'EXPIRED')`,
      [result.tenantId],
    );
    for (const row of rows) expect(row.valid, row.status).toBe(row.status === 'PRICED');
  });
});

describe('demo seed: accounts', () => {
  it('covers every user role in the first company and at the printer', () => {
    const first = DEMO_COMPANIES[0]!.code;
    for (const role of USER_ROLES) {
      expect(DEMO_ACCOUNTS.some((a) => a.role === role && (role === 'staff' || a.company === first)), role).toBe(true);
    }
  });

  it.each(DEMO_ACCOUNTS.map((a) => [a.email, a] as const))('%s exists with its documented role, company and password', async (email, account) => {
    const { rows } = await client.query<{ role: string; code: string | null; password_hash: string; mfa_enabled: boolean; active: boolean }>(
      `select u.role, c.customer_code as code, u.password_hash, u.mfa_enabled, u.active
         from customer_users u left join customers c on c.id = u.customer_id
        where u.tenant_id = $1 and u.email = $2`,
      [result.tenantId, email],
    );
    expect(rows).toHaveLength(1);
    const user = rows[0]!;
    expect({ role: user.role, code: user.code, mfa: user.mfa_enabled, active: user.active })
      .toEqual({ role: account.role, code: account.company, mfa: false, active: true });
    expect(user.password_hash).toMatch(/^\$2[aby]\$04\$/);
    expect(await bcrypt.compare(account.password, user.password_hash)).toBe(true);
    expect(await bcrypt.compare(`${account.password}x`, user.password_hash)).toBe(false);
  });

  it.each(DEMO_INTEGRATORS.map((i) => [i.name, i] as const))('integrator %s stores only the hash of its documented key', async (_name, integrator) => {
    const { rows } = await client.query<{ key_hash: string; code: string | null }>(
      `select i.key_hash, c.customer_code as code from integrator_clients i left join customers c on c.id = i.customer_id
        where i.key_prefix = $1`,
      [splitApiKey(integrator.apiKey).prefix],
    );
    expect(rows).toEqual([{ key_hash: hashApiKey(integrator.apiKey), code: integrator.company }]);
    expect(rows[0]!.key_hash).not.toContain(splitApiKey(integrator.apiKey).secret);
  });
});

describe('demo seed: afterwards', () => {
  it('does nothing the second time', async () => {
    const before = await countRows(client);
    const again = await seedDemo(client, { bcryptCost: 4 });
    expect(again).toMatchObject({ seeded: false, counts: {} });
    expect(await isSeeded(client)).toBe(true);
    expect(await countRows(client)).toEqual(before);
  });

  it('numbers orders and quotes without gaps, and leaves the counters at the highest number', async () => {
    expect(await counterProblems(client, result.tenantId)).toEqual([]);
  });

  it('turns the status trigger back on', async () => {
    const order = await client.query<{ id: string }>(
      `select id from sales_orders where tenant_id = $1 and status = 'CONFIRMED' limit 1`,
      [result.tenantId],
    );
    const id = order.rows[0]!.id;
    await client.query('begin');
    try {
      await client.query(`update sales_orders set status = 'IN_PRODUCTION' where id = $1`, [id]);
      const events = await client.query(`select 1 from order_status_events where order_id = $1 and to_status = 'IN_PRODUCTION'`, [id]);
      expect(events.rowCount).toBe(1);
    } finally {
      await client.query('rollback');
    }
  });
});
