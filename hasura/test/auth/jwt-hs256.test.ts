import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDatabase } from '@portal/test-support';
import { demoDatabase, graphqlError, startTestServer, type TestServer } from '../http/server-fixture.ts';
import { demoIdentity, hasuraClaims, ORDERS_QUERY, type DemoIdentity } from './demo-identity.ts';
import { nowSeconds, signJwt, tokenPayload, type SigningKey } from './sign-jwt.ts';

const ADMIN_SECRET = 'test-admin-secret-hs256';
const KEY: SigningKey = { alg: 'HS256', secret: 'a-test-only-hmac-secret-of-at-least-32-chars' };
const JWT_SECRET = JSON.stringify({ type: 'HS256', key: KEY.secret, audience: ['portal', 'portal-staff'], issuer: 'portal-actions' });

let db: TestDatabase;
let engine: TestServer;
let bluepeak: DemoIdentity;
let meridian: DemoIdentity;
let bluepeakAdmin: DemoIdentity;

beforeAll(async () => {
  db = await demoDatabase();
  engine = await startTestServer(db, { HASURA_GRAPHQL_ADMIN_SECRET: ADMIN_SECRET, HASURA_GRAPHQL_JWT_SECRET: JWT_SECRET });
  bluepeak = await demoIdentity(db.pool, 'user@bluepeak.example');
  bluepeakAdmin = await demoIdentity(db.pool, 'admin@bluepeak.example');
  meridian = await demoIdentity(db.pool, 'user@meridian.example');
});
afterAll(() => engine?.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const userToken = (extra: Record<string, unknown> = {}, key: SigningKey = KEY) =>
  signJwt(tokenPayload(hasuraClaims(bluepeak, ['customer_user']), extra), key);

describe('a valid HS256 token', () => {
  test('runs as its default role and sees only its own company\'s orders', async () => {
    const answer = await engine.graphql(ORDERS_QUERY, bearer(userToken({ aud: 'portal', iss: 'portal-actions' })));
    expect(answer.status).toBe(200);
    const orders = answer.json.data.sales_orders as Array<{ id: string; customer_id: string }>;
    expect(orders.length).toBeGreaterThan(0);
    expect(orders.map((order) => order.id)).toEqual(bluepeak.orderIds);
    expect(new Set(orders.map((order) => order.customer_id))).toEqual(new Set([bluepeak.customerId]));
  });

  test('its claims are the only session variables: x-hasura-* request headers are ignored', async () => {
    const answer = await engine.graphql(ORDERS_QUERY, { ...bearer(userToken()), 'x-hasura-customer-id': meridian.customerId });
    expect(answer.json.data.sales_orders.map((order: { id: string }) => order.id)).toEqual(bluepeak.orderIds);
  });

  test('x-hasura-role downgrades within the allowed roles', async () => {
    const token = signJwt(tokenPayload(hasuraClaims(bluepeakAdmin, ['customer_admin', 'customer_approver', 'customer_user'])), KEY);
    const answer = await engine.graphql('query AsUser { sales_orders { id } }', { ...bearer(token), 'x-hasura-role': 'customer_user' });
    expect(answer.status).toBe(200);
    expect(answer.json.data.sales_orders).toHaveLength(bluepeak.orderIds.length);
    const line = engine.logs.find((entry) => (entry.operations as string[] | undefined)?.includes('AsUser'));
    expect(line?.role).toBe('customer_user');
  });

  test('an empty x-hasura-role header counts as absent', async () => {
    const answer = await engine.graphql(ORDERS_QUERY, { ...bearer(userToken()), 'x-hasura-role': '' });
    expect(answer.json.data.sales_orders).toHaveLength(bluepeak.orderIds.length);
  });

  test('the right admin secret wins over the token', async () => {
    const answer = await engine.graphql('{ sales_orders_aggregate { aggregate { count } } }', { ...bearer(userToken()), 'x-hasura-admin-secret': ADMIN_SECRET });
    const all = await db.pool.query('select count(*)::int as count from public.sales_orders');
    expect(answer.json.data.sales_orders_aggregate.aggregate.count).toBe(all.rows[0].count);
  });
});

describe('tokens Hasura refuses, with its code and message and HTTP 200', () => {
  const cases: Array<[string, () => Record<string, string>, ReturnType<typeof graphqlError>]> = [
    ['expired', () => bearer(userToken({ exp: nowSeconds() - 60 })), graphqlError('invalid-jwt', 'Could not verify JWT: JWTExpired')],
    ['signed with another key', () => bearer(userToken({}, { alg: 'HS256', secret: 'another-secret-that-is-32-chars-long!' })), graphqlError('invalid-jwt', 'Could not verify JWT: JWSError JWSInvalidSignature')],
    ['not yet valid', () => bearer(userToken({ nbf: nowSeconds() + 600 })), graphqlError('invalid-jwt', 'Could not verify JWT: JWTNotYetValid')],
    ['for another audience', () => bearer(userToken({ aud: 'somebody-else' })), graphqlError('invalid-jwt', 'Could not verify JWT: JWTNotInAudience')],
    ['from another issuer', () => bearer(userToken({ iss: 'somebody-else' })), graphqlError('invalid-jwt', 'Could not verify JWT: JWTNotInIssuer')],
    ['not a JWS at all', () => bearer('not-a-token'), graphqlError('invalid-jwt', 'Could not verify JWT: JWSError (CompactDecodeError Invalid number of parts: Expected 3 parts; got 1)')],
    ['unsigned (alg none)', () => bearer(`${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(tokenPayload({}))).toString('base64url')}.`), graphqlError('invalid-jwt', 'Could not verify JWT: JWSError JWSNoSignatures')],
    ['in a malformed Authorization header', () => ({ authorization: `Token ${userToken()}` }), graphqlError('invalid-headers', 'Malformed Authorization header')],
    ['with a lower-case bearer', () => ({ authorization: `bearer ${userToken()}` }), graphqlError('invalid-headers', 'Malformed Authorization header')],
  ];

  test.each(cases)('%s', async (_name, headers, expected) => {
    const answer = await engine.graphql(ORDERS_QUERY, headers());
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(expected);
  });

  test('a role outside the allowed roles', async () => {
    const answer = await engine.graphql(ORDERS_QUERY, { ...bearer(userToken()), 'x-hasura-role': 'staff' });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(graphqlError('access-denied', 'Your requested role is not in allowed roles'));
  });

  test('a wrong admin secret beside a valid token', async () => {
    const answer = await engine.graphql(ORDERS_QUERY, { ...bearer(userToken()), 'x-hasura-admin-secret': 'wrong' });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(graphqlError('access-denied', 'invalid x-hasura-admin-secret/x-hasura-access-key'));
  });
});

describe('claims Hasura refuses', () => {
  const withClaims = (claims: Record<string, unknown>) => bearer(signJwt(tokenPayload(claims), KEY));
  const claims = () => hasuraClaims(bluepeak, ['customer_user']);

  test('no x-hasura-allowed-roles', async () => {
    const { 'x-hasura-allowed-roles': _, ...rest } = claims();
    const answer = await engine.graphql(ORDERS_QUERY, withClaims(rest));
    expect(answer.json).toEqual(graphqlError('jwt-missing-role-claims', 'JWT claim does not contain x-hasura-allowed-roles'));
  });

  test('no x-hasura-default-role', async () => {
    const { 'x-hasura-default-role': _, ...rest } = claims();
    const answer = await engine.graphql(ORDERS_QUERY, withClaims(rest));
    expect(answer.json).toEqual(graphqlError('jwt-missing-role-claims', 'JWT claim does not contain x-hasura-default-role'));
  });

  test('allowed roles that are not a list', async () => {
    const answer = await engine.graphql(ORDERS_QUERY, withClaims({ ...claims(), 'x-hasura-allowed-roles': 'customer_user' }));
    expect(answer.json).toEqual(graphqlError('jwt-invalid-claims', 'invalid x-hasura-allowed-roles; should be a list of roles: parsing [] failed, expected Array, but encountered String'));
  });

  test('a session variable that is not a string', async () => {
    const answer = await engine.graphql(ORDERS_QUERY, withClaims({ ...claims(), 'x-hasura-customer-id': 42 }));
    expect(answer.json).toEqual(graphqlError('jwt-invalid-claims', 'x-hasura-* claims: parsing Text failed, expected String, but encountered Number'));
  });

  test('no claims under the namespace', async () => {
    const answer = await engine.graphql(ORDERS_QUERY, bearer(signJwt({ sub: 'x', exp: nowSeconds() + 60, claims: claims() }, KEY)));
    expect(answer.json).toEqual(graphqlError('jwt-invalid-claims', "claims key: 'https://hasura.io/jwt/claims' not found"));
  });

  test('claim names are case-insensitive', async () => {
    const upper = Object.fromEntries(Object.entries(claims()).map(([name, value]) => [name.toUpperCase(), value]));
    const answer = await engine.graphql(ORDERS_QUERY, withClaims(upper));
    expect(answer.json.data.sales_orders).toHaveLength(bluepeak.orderIds.length);
  });
});

describe('requests without a token', () => {
  test('are refused when no unauthorized role is configured', async () => {
    const answer = await engine.graphql(ORDERS_QUERY);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(graphqlError('invalid-headers', 'Missing Authorization header in JWT authentication mode'));
  });

  test('run as HASURA_GRAPHQL_UNAUTHORIZED_ROLE when it is configured', async () => {
    const open = await startTestServer(db, {
      HASURA_GRAPHQL_ADMIN_SECRET: ADMIN_SECRET,
      HASURA_GRAPHQL_JWT_SECRET: JWT_SECRET,
      HASURA_GRAPHQL_UNAUTHORIZED_ROLE: 'anonymous',
    });
    try {
      const typename = await open.graphql('query Public { __typename }');
      expect(typename.json).toEqual({ data: { __typename: 'query_root' } });
      expect(open.logs.find((entry) => (entry.operations as string[] | undefined)?.includes('Public'))?.role).toBe('anonymous');
      const orders = await open.graphql(ORDERS_QUERY);
      expect(orders.status).toBe(200);
      expect(orders.json).toEqual(graphqlError('validation-failed', "field 'sales_orders' not found in type: 'query_root'", '$.selectionSet.sales_orders'));
      const withToken = await open.graphql(ORDERS_QUERY, bearer(userToken()));
      expect(withToken.json.data.sales_orders).toHaveLength(bluepeak.orderIds.length);
    } finally {
      await open.close();
    }
  });
});
