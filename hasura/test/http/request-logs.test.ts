import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDatabase } from '@portal/test-support';
import { demoIdentity, hasuraClaims } from '../auth/demo-identity.ts';
import { signJwt, tokenPayload } from '../auth/sign-jwt.ts';
import { demoDatabase, startTestServer, type TestServer } from './server-fixture.ts';

const ADMIN_SECRET = 'test-admin-secret-never-logged';
const JWT_KEY = 'a-test-only-hmac-secret-never-in-the-logs';
const VARIABLE_VALUE = 'variable-value-never-logged';

let db: TestDatabase;
let engine: TestServer;
let token: string;

beforeAll(async () => {
  db = await demoDatabase();
  engine = await startTestServer(db, { HASURA_GRAPHQL_ADMIN_SECRET: ADMIN_SECRET, HASURA_GRAPHQL_JWT_SECRET: JSON.stringify({ type: 'HS256', key: JWT_KEY }) });
  const identity = await demoIdentity(db.pool, 'user@bluepeak.example');
  token = signJwt(tokenPayload(hasuraClaims(identity, ['customer_user'])), { alg: 'HS256', secret: JWT_KEY });
  await engine.post(
    '/v1/graphql',
    { query: 'query FindOrder($number: String!) { sales_orders(where: {order_number: {_eq: $number}}) { id } }', variables: { number: VARIABLE_VALUE }, operationName: 'FindOrder' },
    { authorization: `Bearer ${token}`, cookie: 'session=cookie-never-logged' },
  );
  await engine.graphql('query Broken { nothing }', { 'x-hasura-admin-secret': ADMIN_SECRET });
  await engine.graphql('{ __typename }', { authorization: 'Bearer not-a-token' });
});
afterAll(() => engine?.close());

const httpLogs = () => engine.logs.filter((entry) => entry.type === 'http-log');

describe('request logs', () => {
  test('one structured line per request, with timing, status, role and operation names', () => {
    const line = httpLogs().find((entry) => (entry.operations as string[] | undefined)?.includes('FindOrder'));
    expect(line).toMatchObject({ method: 'POST', path: '/v1/graphql', status: 200, role: 'customer_user', operations: ['FindOrder'] });
    expect(typeof line?.durationMs).toBe('number');
    expect(typeof line?.requestId).toBe('string');
  });

  test('GraphQL and auth errors are logged by code', () => {
    expect(httpLogs().find((entry) => (entry.operations as string[] | undefined)?.includes('Broken'))).toMatchObject({ role: 'admin', errorCodes: ['validation-failed'] });
    expect(httpLogs().some((entry) => (entry.errorCodes as string[] | undefined)?.includes('invalid-jwt'))).toBe(true);
  });

  test('never carry secrets, tokens, cookies, queries or variables', () => {
    const text = engine.logText();
    for (const secret of [ADMIN_SECRET, JWT_KEY, token, token.split('.')[2]!, 'cookie-never-logged', VARIABLE_VALUE, 'order_number', 'not-a-token']) {
      expect(text).not.toContain(secret);
    }
  });

  test('the startup line says where the engine listens and in which auth mode', () => {
    expect(engine.logs.find((entry) => entry.type === 'startup')).toMatchObject({ url: engine.url, authMode: 'jwt' });
  });
});
