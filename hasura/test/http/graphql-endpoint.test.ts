import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDatabase } from '@portal/test-support';
import { allExtraRoutes } from '../../src/http/index.ts';
import { EngineError } from '../../src/errors/index.ts';
import { demoDatabase, graphqlError, startTestServer, type TestServer } from './server-fixture.ts';

const ADMIN = { 'x-hasura-admin-secret': 'test-admin-secret-endpoint' };
const BODY_LIMIT = 2048;

let db: TestDatabase;
let engine: TestServer;
let allOrders: number;

beforeAll(async () => {
  db = await demoDatabase();
  allOrders = (await db.pool.query('select count(*)::int as n from public.sales_orders')).rows[0].n;
  engine = await startTestServer(
    db,
    { HASURA_GRAPHQL_ADMIN_SECRET: ADMIN['x-hasura-admin-secret'], PORTAL_ENGINE_MAX_BODY_BYTES: String(BODY_LIMIT), PORTAL_ENGINE_MAX_QUERY_DEPTH: '3' },
    {
      ...allExtraRoutes(async (_engine, _path, body) => {
        if ((body as { type?: string }).type === 'conflict') throw new EngineError('not-found', 'no such thing', '$.args');
        return { status: 200, body: { result_type: 'CommandOk', result: null } };
      }),
      '/v1/metadata': async () => {
        throw new Error('handler exploded: secret detail');
      },
    },
  );
});
afterAll(() => engine?.close());

const COUNT = '{ sales_orders_aggregate { aggregate { count } } }';

describe('POST /v1/graphql', () => {
  test('a single request answers {data}', async () => {
    const answer = await engine.graphql(COUNT, ADMIN);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(answer.json).toEqual({ data: { sales_orders_aggregate: { aggregate: { count: allOrders } } } });
  });

  test('variables and operationName are passed on', async () => {
    const query = 'query A { a: __typename } query Limited($n: Int!) { sales_orders(limit: $n) { id } }';
    const answer = await engine.post('/v1/graphql', { query, variables: { n: 2 }, operationName: 'Limited' }, ADMIN);
    expect(answer.json.data.sales_orders).toHaveLength(2);
  });

  test('a batch answers an array in request order; an error stays in its own element', async () => {
    const answer = await engine.post('/v1/graphql', [{ query: COUNT }, { query: '{ no_such_field }' }, { query: '{ __typename }' }], ADMIN);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual([
      { data: { sales_orders_aggregate: { aggregate: { count: allOrders } } } },
      graphqlError('validation-failed', "field 'no_such_field' not found in type: 'query_root'", '$.selectionSet.no_such_field'),
      { data: { __typename: 'query_root' } },
    ]);
  });

  test('an empty batch answers an empty array', async () => {
    expect((await engine.post('/v1/graphql', [], ADMIN)).json).toEqual([]);
  });

  test('an authentication error answers the whole batch once', async () => {
    const answer = await engine.post('/v1/graphql', [{ query: COUNT }, { query: COUNT }], { 'x-hasura-admin-secret': 'wrong' });
    expect(answer.json).toEqual(graphqlError('access-denied', 'invalid x-hasura-admin-secret/x-hasura-access-key'));
  });

  test('a body that is not JSON', async () => {
    const answer = await engine.post('/v1/graphql', '{"query": ', ADMIN);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(graphqlError('invalid-json', 'Error in $: Failed reading: not a valid json value'));
  });

  test('a body without a query', async () => {
    const answer = await engine.post('/v1/graphql', { variables: {} }, ADMIN);
    expect(answer.status).toBe(200);
    expect(answer.json.errors[0].extensions.code).toBe('parse-failed');
  });

  test('a body over PORTAL_ENGINE_MAX_BODY_BYTES: 413 in Hasura\'s shape, before anything else', async () => {
    const query = `{ __typename ${'x'.repeat(BODY_LIMIT)} }`;
    const answer = await engine.post('/v1/graphql', { query }, { 'x-hasura-admin-secret': 'wrong' });
    expect(answer.status).toBe(413);
    expect(answer.json).toEqual(graphqlError('bad-request', `request body is too large: the limit is ${BODY_LIMIT} bytes`));
  });

  test('the limit also holds for a streamed body without Content-Length', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(1024));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i += 1) controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await fetch(`${engine.url}/v1/graphql`, { method: 'POST', body: stream, headers: ADMIN, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('bad-request');
  });

  test('an operation nested deeper than PORTAL_ENGINE_MAX_QUERY_DEPTH', async () => {
    const deep = '{ sales_orders { lines { order { lines { id } } } } }';
    const answer = await engine.graphql(deep, ADMIN);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(graphqlError('validation-failed', 'the query is nested 5 levels deep, more than the limit of 3'));
  });

  test('depth counts through fragments; introspection is exempt', async () => {
    const viaFragment = 'query { sales_orders { ...L } } fragment L on sales_orders { lines { order { id } } }';
    expect((await engine.graphql(viaFragment, ADMIN)).json.errors[0].message).toBe('the query is nested 4 levels deep, more than the limit of 3');
    const introspection = '{ __schema { types { fields { type { ofType { name } } } } } }';
    expect((await engine.graphql(introspection, ADMIN)).json.data.__schema.types.length).toBeGreaterThan(0);
    expect((await engine.graphql('{ sales_orders { lines { id } } }', ADMIN)).json.data.sales_orders.length).toBe(allOrders);
  });

  test('an unexpected failure: 500 with a generic message; the detail is only in the log', async () => {
    const original = engine.server.engine.execute;
    engine.server.engine.execute = async () => {
      throw new Error('driver exploded: secret detail');
    };
    try {
      const answer = await engine.graphql(COUNT, ADMIN);
      expect(answer.status).toBe(500);
      expect(answer.json).toEqual(graphqlError('unexpected', 'unexpected error'));
      expect(answer.text).not.toContain('secret detail');
      expect(engine.logText()).toContain('driver exploded: secret detail');
    } finally {
      engine.server.engine.execute = original;
    }
  });
});

describe('other routes', () => {
  test('GET /v1/graphql is Hasura\'s persisted-query endpoint (unsupported in CE)', async () => {
    const answer = await engine.get('/v1/graphql', ADMIN);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(graphqlError('not-supported', 'PersistedQueryNotSupported'));
  });

  test('an unknown route is Hasura\'s 404', async () => {
    const answer = await engine.get('/v1/nothing-here');
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ path: '$', error: 'resource does not exist', code: 'not-found' });
  });

  test('mounted handlers answer with their own status and body', async () => {
    const ok = await engine.post('/v2/query', { type: 'run_sql', args: { sql: 'select 1' } }, ADMIN);
    expect([ok.status, ok.json]).toEqual([200, { result_type: 'CommandOk', result: null }]);
    const failed = await engine.post('/v1/query', { type: 'conflict', args: {} }, ADMIN);
    expect([failed.status, failed.json]).toEqual([400, { path: '$.args', error: 'no such thing', code: 'not-found' }]);
  });

  test('a mounted handler that crashes: 500 with a generic message', async () => {
    const answer = await engine.post('/v1/metadata', { type: 'export_metadata', args: {} }, ADMIN);
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual({ path: '$', error: 'unexpected error', code: 'unexpected' });
    expect(engine.logText()).toContain('handler exploded: secret detail');
  });

  test('mounted handlers get the body limit and invalid-json errors in {path, error, code}', async () => {
    const big = await engine.post('/v1/query', { sql: 'x'.repeat(BODY_LIMIT) }, ADMIN);
    expect([big.status, big.json]).toEqual([413, { path: '$', error: `request body is too large: the limit is ${BODY_LIMIT} bytes`, code: 'bad-request' }]);
    const broken = await engine.post('/v1/query', 'not json', ADMIN);
    expect([broken.status, broken.json]).toEqual([400, { path: '$', error: 'Error in $: Failed reading: not a valid json value', code: 'invalid-json' }]);
  });
});
