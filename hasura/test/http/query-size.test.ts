import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDatabase } from '@portal/test-support';
import { demoDatabase, graphqlError, startTestServer, type TestServer } from './server-fixture.ts';
import { initialisedSocket, notKeepAlive, PROTOCOLS } from '../ws/ws-client.ts';

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

describe('very wide operations (probe finding 6): the engine’s own ceiling, for every role', () => {
  test('900 aliased relationship selections are refused as validation-failed in Hasura’s shape, never a 500, admin included', async () => {
    const answer = await limited.graphql(aliasedLines(900), customer);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(graphqlError('validation-failed', 'the query selects 1801 fields, more than the limit of 1000'));
    const roots = await limited.graphql(aliasedRoots(900), ADMIN);
    expect(roots.json).toEqual(graphqlError('validation-failed', 'the query selects 4500 fields, more than the limit of 1000'));
  });

  test('over a websocket too', async () => {
    const socket = await initialisedSocket(limited.url, PROTOCOLS[0]!, ADMIN);
    socket.send({ type: 'start', id: 'wide', payload: { query: aliasedLines(900) } });
    expect(await socket.next(notKeepAlive)).toEqual({ type: 'error', id: 'wide', payload: { errors: graphqlError('validation-failed', 'the query selects 1801 fields, more than the limit of 1000').errors } });
    socket.close();
  });

  test('fragment spreads count once per spread; a query below the ceiling runs', async () => {
    const spread = `query { ${Array.from({ length: 400 }, (_, i) => `o${i}: sales_orders(limit: 1) { ...F }`).join(' ')} } fragment F on sales_orders { id order_number }`;
    expect((await limited.graphql(spread, ADMIN)).json.errors[0].message).toBe('the query selects 1200 fields, more than the limit of 1000');
    const small = await limited.graphql(aliasedLines(100), ADMIN);
    expect(small.json.errors).toBeUndefined();
    expect(Object.keys(small.json.data.sales_orders[0])).toHaveLength(100);
  });

  test('with the ceiling off, the same wide operations are compiled and answered (no stack overflow in the SQL builder)', async () => {
    const lines = await unlimited.graphql(aliasedLines(900), ADMIN);
    expect(lines.status).toBe(200);
    expect(lines.json.errors).toBeUndefined();
    expect(Object.keys(lines.json.data.sales_orders[0])).toHaveLength(900);
    const roots = await unlimited.graphql(aliasedRoots(900), ADMIN);
    expect(roots.status).toBe(200);
    expect(roots.json.errors).toBeUndefined();
  });
});

describe("a customer is held to metadata/api_limits.yaml well below the ceiling (issue #16)", () => {
  test('the catalogue cycle that answered a customer with 45 MB is refused by the depth limit', async () => {
    const cycle = '{ products { name sku tenant { products { name sku tenant { products { name sku tenant { products { id name sku category active } } } } } } } }';
    expect((await unlimited.graphql(cycle, customer)).json).toEqual(graphqlError('validation-failed', 'depth limit exceeded: the operation is 7 levels deep, the limit is 6'));
  });

  test('so are 21 aliased relationships, by the node limit', async () => {
    expect((await unlimited.graphql(aliasedLines(20), customer)).json).toEqual(graphqlError('validation-failed', 'node limit exceeded: the operation has 21 nodes, the limit is 20'));
    expect((await unlimited.graphql(aliasedLines(19), customer)).json.errors).toBeUndefined();
  });
});
