import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyProjectMetadata, editFile, type TestDatabase } from '@portal/test-support';
import { demoDatabase, graphqlError, startTestServer, type TestServer } from './server-fixture.ts';
import { initialisedSocket, notKeepAlive, PROTOCOLS } from '../ws/ws-client.ts';

const ADMIN = { 'x-hasura-admin-secret': 'test-admin-secret-api-limits' };
const API_LIMITS = `depth_limit:
  global: 2
  per_role:
    customer_admin: 3
node_limit:
  global: 3
  per_role:
    customer_admin: 5
batch_limit:
  global: 2
  per_role: {}
disabled: false
`;

let db: TestDatabase;
let engine: TestServer;
let session: Record<string, string>;
const as = (role: string) => ({ ...ADMIN, ...session, 'x-hasura-role': role });

beforeAll(async () => {
  db = await demoDatabase();
  const metadata = copyProjectMetadata();
  editFile(metadata, 'api_limits.yaml', () => API_LIMITS);
  engine = await startTestServer(db, { HASURA_GRAPHQL_ADMIN_SECRET: ADMIN['x-hasura-admin-secret'], HASURA_GRAPHQL_METADATA_DIR: metadata });
  const user = (await db.pool.query("select id, customer_id, tenant_id from public.customer_users where email = 'user@bluepeak.example'")).rows[0];
  session = { 'x-hasura-user-id': user.id, 'x-hasura-customer-id': user.customer_id, 'x-hasura-tenant-id': user.tenant_id };
});
afterAll(() => engine?.close());

/** Depth 3, 3 nodes: over the global depth limit, within customer_admin's. */
const DEEP = '{ sales_orders { lines { product { name } } } }';
/** Depth 1, 4 nodes: over the global node limit, within customer_admin's. */
const WIDE = '{ a: sales_orders { id } b: sales_orders { id } c: quotes { id } d: products { id } }';
const DEPTH_ERROR = graphqlError('validation-failed', 'depth limit exceeded: the operation is 3 levels deep, the limit is 2');
const NODE_ERROR = graphqlError('validation-failed', 'node limit exceeded: the operation has 4 nodes, the limit is 3');

describe('api_limits over HTTP', () => {
  test("an operation over the role's depth or node limit is refused with 200 and Hasura's error shape, before it runs", async () => {
    const deep = await engine.graphql(DEEP, as('customer_user'));
    expect(deep.status).toBe(200);
    expect(deep.json).toEqual(DEPTH_ERROR);
    expect((await engine.graphql(WIDE, as('customer_user'))).json).toEqual(NODE_ERROR);
    // Checked before validation, as Hasura checks its limits before planning: an unknown field deep down changes nothing.
    expect((await engine.graphql('{ sales_orders { lines { no_such_field { x } } } }', as('customer_user'))).json).toEqual(DEPTH_ERROR);
  });

  test('within the limits the same role is answered', async () => {
    const answer = await engine.graphql('{ sales_orders { order_number lines { quantity } } }', as('customer_user'));
    expect(answer.json.errors).toBeUndefined();
    expect(answer.json.data.sales_orders.length).toBeGreaterThan(0);
  });

  test('per_role overrides global: customer_admin may go one level deeper and wider', async () => {
    expect((await engine.graphql(DEEP, as('customer_admin'))).json.data.sales_orders.length).toBeGreaterThan(0);
    expect((await engine.graphql(WIDE, as('customer_admin'))).json.errors).toBeUndefined();
    expect((await engine.graphql(`{ x: sales_orders { id } ${WIDE.slice(1)}`, as('customer_admin'))).json.errors).toBeUndefined();
    const six = '{ a: sales_orders { id } b: sales_orders { id } c: sales_orders { id } d: sales_orders { id } e: sales_orders { id } f: sales_orders { id } }';
    expect((await engine.graphql(six, as('customer_admin'))).json).toEqual(graphqlError('validation-failed', 'node limit exceeded: the operation has 6 nodes, the limit is 5'));
  });

  test('admin is exempt', async () => {
    const deeper = '{ sales_orders { lines { order { lines { product { name } } } } } }';
    expect((await engine.graphql(deeper, ADMIN)).json.errors).toBeUndefined();
    expect((await engine.graphql(WIDE, ADMIN)).json.errors).toBeUndefined();
  });

  test("a batch over the role's batch limit is refused whole, before any of its operations runs; admin is exempt", async () => {
    const three = [{ query: '{ products { id } }' }, { query: '{ quotes { id } }' }, { query: '{ sales_orders { id } }' }];
    const refused = await engine.post('/v1/graphql', three, as('customer_user'));
    expect(refused.status).toBe(200);
    expect(refused.json).toEqual(graphqlError('validation-failed', 'batch limit exceeded: the request holds 3 operations, the limit is 2'));
    const two = await engine.post('/v1/graphql', three.slice(0, 2), as('customer_user'));
    expect(two.json).toHaveLength(2);
    expect(two.json.every((answer: { data?: unknown }) => answer.data !== undefined)).toBe(true);
    expect(await engine.post('/v1/graphql', three, ADMIN).then((answer) => answer.json)).toHaveLength(3);
    // Each element of an admitted batch is still held to the depth limit on its own.
    const mixed = await engine.post('/v1/graphql', [{ query: DEEP }, { query: '{ products { id } }' }], as('customer_user'));
    expect(mixed.json[0]).toEqual(DEPTH_ERROR);
    expect(mixed.json[1].data.products.length).toBeGreaterThan(0);
  });
});

describe.each(PROTOCOLS)('api_limits over websockets ($name)', (protocol) => {
  test('queries and subscriptions over the limits get error frames; within them, data', async () => {
    const socket = await initialisedSocket(engine.url, protocol, as('customer_user'));
    const errorsOf = async (id: string, query: string) => {
      socket.send({ type: protocol.start, id, payload: { query } });
      const frame = await socket.next(notKeepAlive);
      expect(frame).toMatchObject({ type: 'error', id });
      if (protocol.name === 'apollo') expect(await socket.next(notKeepAlive)).toEqual({ type: 'complete', id });
      return protocol.name === 'apollo' ? frame.payload.errors : frame.payload;
    };
    expect(await errorsOf('q', DEEP)).toEqual(DEPTH_ERROR.errors);
    expect(await errorsOf('s', `subscription ${DEEP}`)).toEqual(DEPTH_ERROR.errors);
    expect(await errorsOf('w', `subscription { sales_orders { a: lines { id } b: lines { id } c: lines { id } } }`)).toEqual(NODE_ERROR.errors);
    socket.send({ type: protocol.start, id: 'ok', payload: { query: 'subscription { sales_orders(limit: 1) { lines { id } } }' } });
    const data = await socket.next(notKeepAlive);
    expect(data).toMatchObject({ type: protocol.data, id: 'ok' });
    expect(data.payload.data.sales_orders).toHaveLength(1);
    socket.close();
  });

  test('admin is exempt over the socket too', async () => {
    const socket = await initialisedSocket(engine.url, protocol, ADMIN);
    socket.send({ type: protocol.start, id: 'deep', payload: { query: `subscription ${DEEP}` } });
    expect(await socket.next(notKeepAlive)).toMatchObject({ type: protocol.data, id: 'deep' });
    socket.close();
  });
});
