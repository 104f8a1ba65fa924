import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { beforeAll, describe, expect, test } from 'vitest';
import { HASURA_CLAIMS_NAMESPACE } from '@portal/common';
import { AccessTokenSigner } from '../src/auth/access-token.ts';
import { parseJwtSecret } from '../src/config/jwt-secret.ts';
import { DEV_JWT_SECRET } from '../src/config/dev-defaults.ts';
import { createUser, createWorld, PASSWORD, type World } from './support/fixtures.ts';
import { signIn } from './support/flows.ts';
import { sessionOf, startTestServer, type TestServer } from './support/test-server.ts';

let t: TestServer;
let world: World;
const devKey = (JSON.parse(DEV_JWT_SECRET) as { key: string }).key;

beforeAll(async () => {
  t = await startTestServer();
  world = await createWorld(t.db.pool);
});

/** Verifies with the standard library exactly as an engine configured with HASURA_GRAPHQL_JWT_SECRET would. */
function verified(token: string): Record<string, unknown> {
  return jwt.verify(token, devKey, { algorithms: ['HS256'] }) as Record<string, unknown>;
}

describe('access tokens minted at sign-in', () => {
  test('a customer approver gets exactly the Hasura claims of their role, user, customer and tenant', async () => {
    const approver = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'appr@alpha.example', role: 'customer_approver' });
    const payload = verified((await signIn(t, approver.email, PASSWORD)).accessToken);
    expect(Object.keys(payload).sort()).toEqual(['exp', 'iat', HASURA_CLAIMS_NAMESPACE, 'sub'].sort());
    expect(payload.sub).toBe(approver.id);
    expect(payload.exp).toBe((payload.iat as number) + 5 * 60);
    expect(payload[HASURA_CLAIMS_NAMESPACE]).toEqual({
      'x-hasura-allowed-roles': ['customer_user', 'customer_approver'],
      'x-hasura-default-role': 'customer_approver',
      'x-hasura-user-id': approver.id,
      'x-hasura-customer-id': world.alphaId,
      'x-hasura-tenant-id': world.tenantId,
    });
  });

  test('staff tokens carry no customer id', async () => {
    const staff = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: null, email: 'sam@harbour.example', role: 'staff' });
    const payload = verified((await signIn(t, staff.email, PASSWORD)).accessToken);
    expect(payload[HASURA_CLAIMS_NAMESPACE]).toEqual({
      'x-hasura-allowed-roles': ['staff'],
      'x-hasura-default-role': 'staff',
      'x-hasura-user-id': staff.id,
      'x-hasura-tenant-id': world.tenantId,
    });
  });

  test('a token signed with another key is rejected by the verifier', async () => {
    const forged = jwt.sign({ sub: 'x' }, 'another-key-that-is-long-enough-to-sign-with', { algorithm: 'HS256' });
    expect(() => verified(forged)).toThrow(/invalid signature/);
  });
});

describe('a session of customer A never yields B', () => {
  test('sign-in, refresh and customerMe stay on the account the credentials belong to', async () => {
    const a = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'a@alpha.example' });
    const b = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.bravoId, email: 'b@bravo.example' });
    const sessionA = await signIn(t, a.email, PASSWORD);
    await signIn(t, b.email, PASSWORD);
    const refreshed = await t.call('customerRefreshToken', { refreshToken: sessionA.refreshToken });
    expect(sessionOf(refreshed.body.accessToken)).toEqual({
      'x-hasura-role': 'customer_user',
      'x-hasura-user-id': a.id,
      'x-hasura-customer-id': world.alphaId,
      'x-hasura-tenant-id': world.tenantId,
    });
    const me = await t.call('customerMe', {}, sessionOf(sessionA.accessToken));
    expect(me.body).toMatchObject({ id: a.id, customerId: world.alphaId, customerCode: 'ALPHA' });
  });

  test('session variables that mix A and B are refused', async () => {
    const a = await createUser(t.db.pool, { tenantId: world.tenantId, customerId: world.alphaId, email: 'mix@alpha.example' });
    const session = sessionOf((await signIn(t, a.email, PASSWORD)).accessToken);
    for (const forged of [
      { ...session, 'x-hasura-customer-id': world.bravoId },
      { ...session, 'x-hasura-tenant-id': world.otherTenantId },
      { ...session, 'x-hasura-role': 'customer_admin' },
      { ...session, 'x-hasura-role': 'staff' },
      { 'x-hasura-role': 'anonymous' },
    ]) {
      const { status, body } = await t.call('customerMe', {}, forged);
      expect(status).toBe(403);
      expect(body.extensions.code).toBe('SESSION_INVALID');
    }
  });
});

describe('HASURA_GRAPHQL_JWT_SECRET variants', () => {
  const subject = { kind: 'user' as const, userId: '00000000-0000-4000-8000-000000000001', role: 'customer_admin' as const, tenantId: '00000000-0000-4000-8000-000000000002', customerId: '00000000-0000-4000-8000-000000000003' };

  test('RS256: signs with the private key; verifies with the public key from the secret', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const config = parseJwtSecret(JSON.stringify({ type: 'RS256', key: publicPem, issuer: 'portal', audience: 'portal-api' }), privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const { token } = new AccessTokenSigner(config).sign(subject, new Date(), 60);
    const payload = jwt.verify(token, publicPem, { algorithms: ['RS256'], issuer: 'portal', audience: 'portal-api' }) as Record<string, unknown>;
    expect((payload[HASURA_CLAIMS_NAMESPACE] as Record<string, unknown>)['x-hasura-allowed-roles']).toEqual(['customer_user', 'customer_approver', 'customer_admin']);
  });

  test('RS256 refuses a private key that does not match the public key', () => {
    const one = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const two = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const secret = JSON.stringify({ type: 'RS256', key: one.publicKey.export({ type: 'spki', format: 'pem' }).toString() });
    expect(() => parseJwtSecret(secret, two.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).toThrow(/does not match/);
    expect(() => parseJwtSecret(secret)).toThrow(/ACTIONS_JWT_PRIVATE_KEY_PEM is required/);
  });

  test('claims_namespace_path and stringified claims are honoured', () => {
    const base = { type: 'HS256', key: devKey };
    const nested = new AccessTokenSigner(parseJwtSecret(JSON.stringify({ ...base, claims_namespace_path: '$.hasura.claims' }))).sign(subject, new Date(), 60);
    expect((jwt.verify(nested.token, devKey) as { hasura: { claims: Record<string, unknown> } }).hasura.claims['x-hasura-user-id']).toBe(subject.userId);
    const text = new AccessTokenSigner(parseJwtSecret(JSON.stringify({ ...base, claims_format: 'stringified_json' }))).sign(subject, new Date(), 60);
    const claims = (jwt.verify(text.token, devKey) as Record<string, string>)[HASURA_CLAIMS_NAMESPACE]!;
    expect(JSON.parse(claims)['x-hasura-customer-id']).toBe(subject.customerId);
  });

  test('what cannot be signed is refused by name', () => {
    expect(() => parseJwtSecret('{"jwk_url":"https://example.invalid/jwks"}')).toThrow(/unsupported: jwk_url/);
    expect(() => parseJwtSecret(JSON.stringify({ type: 'HS256', key: 'short' }))).toThrow(/at least 32 characters/);
    expect(() => parseJwtSecret('not json')).toThrow(/not valid JSON/);
  });
});
