import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDatabase } from '@portal/test-support';
import { demoDatabase, graphqlError, startTestServer, type TestServer } from './server-fixture.ts';

const ADMIN = { 'x-hasura-admin-secret': 'test-admin-secret-size' };

let db: TestDatabase;
let limited: TestServer;
let unlimited: TestServer;
let customer: Record<string, string>;

beforeAll(async () => {
  db = await demoDatabase();
  limited = await startTestServer(db, { HASURA_GRAPHQL_ADMIN_SECRET: ADMIN['x-hasura-admin-secret'] });
  unlimited = await startTestServer(db, { HASURA_GRAPHQL_ADMIN_SECRET: ADMIN['x-hasura-admin-secret'], PORTAL_ENGINE_MAX_QUERY_NODES: '0' });
  const user = (await db.pool.query("select id, customer_id, tenant_id from public.customer_users where email = 'user@bluepeak.example'")).rows[0];
  customer = { ...ADMIN, 'x-hasura-role': 'customer_user', 'x-hasura-user-id': user.id, 'x-hasura-customer-id': user.customer_id, 'x-hasura-tenant-id': user.tenant_id };
});
afterAll(async () => {
  await limited?.close();
  await unlimited?.close();
});

/** The probe's query: one order with `count` aliased copies of an array relationship. */
const aliasedLines = (count: number) => `{ sales_orders(limit: 1) { ${Array.from({ length: count }, (_, i) => `l${i}: lines { id }`).join(' ')} } }`;
/** The same width at the root: `count` aliased root fields, each with two relationships. */
const aliasedRoots = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `o${i}: sales_orders(limit: 1) { lines { id } customer { name } }`).join(' ')} }`;

describe('very wide operations (probe finding 6)', () => {
  test('900 aliased relationship selections are refused as validation-failed in Hasura’s shape, never a 500', async () => {
    const answer = await limited.graphql(aliasedLines(900), customer);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(graphqlError('validation-failed', 'the query selects 1801 fields, more than the limit of 1000'));
    const roots = await limited.graphql(aliasedRoots(900), customer);
    expect(roots.json).toEqual(graphqlError('validation-failed', 'the query selects 4500 fields, more than the limit of 1000'));
  });

  test('fragment spreads count once per spread; the portal-sized query below the limit runs', async () => {
    const spread = `query { ${Array.from({ length: 400 }, (_, i) => `o${i}: sales_orders(limit: 1) { ...F }`).join(' ')} } fragment F on sales_orders { id order_number }`;
    expect((await limited.graphql(spread, customer)).json.errors[0].message).toBe('the query selects 1200 fields, more than the limit of 1000');
    const small = await limited.graphql(aliasedLines(100), customer);
    expect(small.json.errors).toBeUndefined();
    expect(Object.keys(small.json.data.sales_orders[0])).toHaveLength(100);
  });

  test('with the limit off, the same wide operations are compiled and answered (no stack overflow in the SQL builder)', async () => {
    const lines = await unlimited.graphql(aliasedLines(900), customer);
    expect(lines.status).toBe(200);
    expect(lines.json.errors).toBeUndefined();
    expect(Object.keys(lines.json.data.sales_orders[0])).toHaveLength(900);
    const roots = await unlimited.graphql(aliasedRoots(900), customer);
    expect(roots.status).toBe(200);
    expect(roots.json.errors).toBeUndefined();
  });
});
