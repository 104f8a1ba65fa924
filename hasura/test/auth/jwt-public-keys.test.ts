import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDatabase } from '@portal/test-support';
import { demoDatabase, graphqlError, startTestServer, type TestServer } from '../http/server-fixture.ts';
import { demoIdentity, hasuraClaims, ORDERS_QUERY, type DemoIdentity } from './demo-identity.ts';
import { ecKeyPair, nowSeconds, rsaKeyPair, signJwt } from './sign-jwt.ts';

const ADMIN_SECRET = 'test-admin-secret-public-keys';
const rsa = rsaKeyPair();
const otherRsa = rsaKeyPair();
const ec = ecKeyPair();

let db: TestDatabase;
let meridian: DemoIdentity;
/** RS256 with the claims at `$.hasura.claims`, as some identity providers put them. */
let rsaServer: TestServer;
/** ES256 with stringified claims in a cookie. */
let ecServer: TestServer;

beforeAll(async () => {
  db = await demoDatabase();
  meridian = await demoIdentity(db.pool, 'user@meridian.example');
  rsaServer = await startTestServer(db, {
    HASURA_GRAPHQL_ADMIN_SECRET: ADMIN_SECRET,
    HASURA_GRAPHQL_JWT_SECRET: JSON.stringify({ type: 'RS256', key: rsa.publicPem, claims_namespace_path: '$.hasura.claims', allowed_skew: 30 }),
  });
  ecServer = await startTestServer(db, {
    HASURA_GRAPHQL_ADMIN_SECRET: ADMIN_SECRET,
    HASURA_GRAPHQL_JWT_SECRET: JSON.stringify({
      type: 'ES256', key: ec.publicPem, claims_namespace: 'portal', claims_format: 'stringified_json', header: { type: 'Cookie', name: 'portal_token' },
    }),
  });
});
afterAll(async () => {
  await rsaServer?.close();
  await ecServer?.close();
});

const rsaPayload = (extra: Record<string, unknown> = {}) => ({
  sub: 'u', iat: nowSeconds(), exp: nowSeconds() + 600, hasura: { claims: hasuraClaims(meridian, ['customer_user']) }, ...extra,
});
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const orderIds = (answer: { json: any }) => answer.json.data.sales_orders.map((order: { id: string }) => order.id);

describe('RS256 with claims_namespace_path', () => {
  test('a token signed with the private key sees only its company\'s orders', async () => {
    const answer = await rsaServer.graphql(ORDERS_QUERY, bearer(signJwt(rsaPayload(), { alg: 'RS256', privateKey: rsa.privateKey })));
    expect(answer.status).toBe(200);
    expect(orderIds(answer)).toEqual(meridian.orderIds);
    expect(meridian.orderIds.length).toBeGreaterThan(0);
  });

  test('the key verifies the other RSA algorithms too, as in Hasura', async () => {
    const answer = await rsaServer.graphql(ORDERS_QUERY, bearer(signJwt(rsaPayload(), { alg: 'RS512', privateKey: rsa.privateKey })));
    expect(orderIds(answer)).toEqual(meridian.orderIds);
  });

  test('a token signed by another key pair', async () => {
    const answer = await rsaServer.graphql(ORDERS_QUERY, bearer(signJwt(rsaPayload(), { alg: 'RS256', privateKey: otherRsa.privateKey })));
    expect(answer.json).toEqual(graphqlError('invalid-jwt', 'Could not verify JWT: JWSError JWSInvalidSignature'));
  });

  test('an HS256 token keyed with the public key (algorithm confusion)', async () => {
    const answer = await rsaServer.graphql(ORDERS_QUERY, bearer(signJwt(rsaPayload(), { alg: 'HS256', secret: rsa.publicPem })));
    expect(answer.json).toEqual(graphqlError('invalid-jwt', 'Could not verify JWT: JWSError JWSInvalidSignature'));
  });

  test('allowed_skew accepts a token expired for less than the skew', async () => {
    const answer = await rsaServer.graphql(ORDERS_QUERY, bearer(signJwt(rsaPayload({ exp: nowSeconds() - 10 }), { alg: 'RS256', privateKey: rsa.privateKey })));
    expect(orderIds(answer)).toEqual(meridian.orderIds);
    const late = await rsaServer.graphql(ORDERS_QUERY, bearer(signJwt(rsaPayload({ exp: nowSeconds() - 60 }), { alg: 'RS256', privateKey: rsa.privateKey })));
    expect(late.json).toEqual(graphqlError('invalid-jwt', 'Could not verify JWT: JWTExpired'));
  });

  test('claims that are not at the path', async () => {
    const payload = { sub: 'u', exp: nowSeconds() + 600, 'https://hasura.io/jwt/claims': hasuraClaims(meridian, ['customer_user']) };
    const answer = await rsaServer.graphql(ORDERS_QUERY, bearer(signJwt(payload, { alg: 'RS256', privateKey: rsa.privateKey })));
    expect(answer.json).toEqual(graphqlError('jwt-invalid-claims', "claims not found at claims_namespace_path: '$.hasura.claims'"));
  });
});

describe('ES256 with stringified claims in a cookie', () => {
  const cookieToken = (claims: unknown) =>
    signJwt({ sub: 'u', exp: nowSeconds() + 600, portal: claims }, { alg: 'ES256', privateKey: ec.privateKey });

  test('a token in the named cookie', async () => {
    const token = cookieToken(JSON.stringify(hasuraClaims(meridian, ['customer_user'])));
    const answer = await ecServer.graphql(ORDERS_QUERY, { cookie: `theme=dark; portal_token=${token}` });
    expect(orderIds(answer)).toEqual(meridian.orderIds);
  });

  test('a Cookie header without that cookie', async () => {
    const answer = await ecServer.graphql(ORDERS_QUERY, { cookie: 'theme=dark' });
    expect(answer.json).toEqual(graphqlError('invalid-headers', 'Could not find portal_token in Cookie header'));
  });

  test('no Cookie header at all', async () => {
    const answer = await ecServer.graphql(ORDERS_QUERY, bearer(cookieToken('{}')));
    expect(answer.json).toEqual(graphqlError('invalid-headers', 'Missing Cookie header in JWT authentication mode'));
  });

  test('claims that are an object where a string is expected', async () => {
    const answer = await ecServer.graphql(ORDERS_QUERY, { cookie: `portal_token=${cookieToken(hasuraClaims(meridian, ['customer_user']))}` });
    expect(answer.json).toEqual(graphqlError('jwt-invalid-claims', 'expecting a string when claims_format is stringified_json'));
  });
});
