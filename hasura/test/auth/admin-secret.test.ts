import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDatabase } from '@portal/test-support';
import { allExtraRoutes, type ExtraRouteHandler } from '../../src/http/index.ts';
import { demoDatabase, graphqlError, startTestServer, type TestServer } from '../http/server-fixture.ts';
import { demoIdentity, ORDERS_QUERY, type DemoIdentity } from './demo-identity.ts';

const ADMIN_SECRET = 'test-admin-secret-only';

let db: TestDatabase;
let secretOnly: TestServer;
let withAnonymous: TestServer;
let noAuth: TestServer;
let bluepeak: DemoIdentity;
let allOrders: number;
const metadataCalls: Array<{ path: string; body: unknown; isAdmin: boolean }> = [];
const metadataApi: ExtraRouteHandler = async (_engine, path, body, isAdmin) => {
  metadataCalls.push({ path, body, isAdmin });
  return { status: 200, body: { message: 'success' } };
};

beforeAll(async () => {
  db = await demoDatabase();
  bluepeak = await demoIdentity(db.pool, 'user@bluepeak.example');
  allOrders = (await db.pool.query('select count(*)::int as n from public.sales_orders')).rows[0].n;
  secretOnly = await startTestServer(db, { HASURA_GRAPHQL_ADMIN_SECRET: ADMIN_SECRET }, allExtraRoutes(metadataApi));
  withAnonymous = await startTestServer(db, { HASURA_GRAPHQL_ADMIN_SECRET: ADMIN_SECRET, HASURA_GRAPHQL_UNAUTHORIZED_ROLE: 'anonymous' }, allExtraRoutes(metadataApi));
  noAuth = await startTestServer(db, {}, allExtraRoutes(metadataApi));
});
afterAll(async () => {
  await Promise.all([secretOnly, withAnonymous, noAuth].map((server) => server?.close()));
});

const COUNT = '{ sales_orders_aggregate { aggregate { count } } }';
const count = (answer: { json: any }) => answer.json.data.sales_orders_aggregate.aggregate.count;

describe('admin secret on /v1/graphql', () => {
  test('the right secret acts as admin', async () => {
    const answer = await secretOnly.graphql(COUNT, { 'x-hasura-admin-secret': ADMIN_SECRET });
    expect(answer.status).toBe(200);
    expect(count(answer)).toBe(allOrders);
  });

  test('the deprecated x-hasura-access-key header works the same', async () => {
    expect(count(await secretOnly.graphql(COUNT, { 'x-hasura-access-key': ADMIN_SECRET }))).toBe(allOrders);
  });

  test('a wrong secret is refused (HTTP 200 on /v1/graphql)', async () => {
    const answer = await secretOnly.graphql(COUNT, { 'x-hasura-admin-secret': 'wrong' });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(graphqlError('access-denied', 'invalid x-hasura-admin-secret/x-hasura-access-key'));
  });

  test('no secret is refused when there is no unauthorized role', async () => {
    const answer = await secretOnly.graphql(COUNT);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(graphqlError('access-denied', 'x-hasura-admin-secret/x-hasura-access-key required, but not found'));
  });

  test('no secret runs as the unauthorized role when there is one', async () => {
    const answer = await withAnonymous.graphql(ORDERS_QUERY);
    expect(answer.json).toEqual(graphqlError('validation-failed', "field 'sales_orders' not found in type: 'query_root'", '$.selectionSet.sales_orders'));
  });

  test('secret + x-hasura-role + x-hasura-* headers act as that role with those variables', async () => {
    const answer = await secretOnly.graphql(ORDERS_QUERY, {
      'x-hasura-admin-secret': ADMIN_SECRET,
      'x-hasura-role': 'customer_user',
      'x-hasura-customer-id': bluepeak.customerId,
      'x-hasura-user-id': bluepeak.userId,
      'x-hasura-tenant-id': bluepeak.tenantId,
    });
    expect(answer.json.data.sales_orders.map((order: { id: string }) => order.id)).toEqual(bluepeak.orderIds);
  });

  test('a permission needing a session variable the request lacks', async () => {
    const answer = await secretOnly.graphql(ORDERS_QUERY, { 'x-hasura-admin-secret': ADMIN_SECRET, 'x-hasura-role': 'customer_user' });
    expect(answer.json.errors[0].extensions.code).toBe('not-found');
    expect(answer.json.errors[0].message).toMatch(/^missing session variable: "x-hasura-/);
  });
});

describe('without any admin secret configured', () => {
  test('every request is admin, or the role of x-hasura-role', async () => {
    expect(count(await noAuth.graphql(COUNT))).toBe(allOrders);
    const asUser = await noAuth.graphql(ORDERS_QUERY, { 'x-hasura-role': 'customer_user', 'x-hasura-customer-id': bluepeak.customerId });
    expect(asUser.json.data.sales_orders).toHaveLength(bluepeak.orderIds.length);
  });

  test('the metadata API is open', async () => {
    const answer = await noAuth.post('/v1/metadata', { type: 'export_metadata', args: {} });
    expect(answer.status).toBe(200);
    expect(metadataCalls.at(-1)).toEqual({ path: '/v1/metadata', body: { type: 'export_metadata', args: {} }, isAdmin: true });
  });
});

describe('admin-only APIs (/v1/metadata, /v2/query, /v1/query)', () => {
  const body = { type: 'run_sql', args: { sql: 'select 1' } };

  test('the admin secret reaches the handler', async () => {
    const answer = await secretOnly.post('/v2/query', body, { 'x-hasura-admin-secret': ADMIN_SECRET });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ message: 'success' });
    expect(metadataCalls.at(-1)).toEqual({ path: '/v2/query', body, isAdmin: true });
  });

  test('a wrong secret: 401 with {path, error, code}', async () => {
    const answer = await secretOnly.post('/v1/metadata', body, { 'x-hasura-admin-secret': 'wrong' });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ path: '$', error: 'invalid x-hasura-admin-secret/x-hasura-access-key', code: 'access-denied' });
  });

  test('no secret: 401', async () => {
    const answer = await secretOnly.post('/v1/query', body);
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ path: '$', error: 'x-hasura-admin-secret/x-hasura-access-key required, but not found', code: 'access-denied' });
  });

  test('a non-admin role: 400, and the handler is not called', async () => {
    const calls = metadataCalls.length;
    const answer = await secretOnly.post('/v1/metadata', body, { 'x-hasura-admin-secret': ADMIN_SECRET, 'x-hasura-role': 'staff' });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ path: '$.args', error: 'restricted access : admin only', code: 'access-denied' });
    expect(metadataCalls.length).toBe(calls);
  });

  test('the unauthorized role is not admin either', async () => {
    const answer = await withAnonymous.post('/v1/metadata', body);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ path: '$.args', error: 'restricted access : admin only', code: 'access-denied' });
  });

  test('a path without a handler is Hasura\'s 404', async () => {
    const answer = await secretOnly.post('/v1/unknown', body, { 'x-hasura-admin-secret': ADMIN_SECRET });
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ path: '$', error: 'resource does not exist', code: 'not-found' });
  });
});
