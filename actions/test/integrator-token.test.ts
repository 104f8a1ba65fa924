import jwt from 'jsonwebtoken';
import { beforeAll, describe, expect, test } from 'vitest';
import { HASURA_CLAIMS_NAMESPACE } from '@portal/common';
import { hashApiKey } from '../src/auth/api-keys.ts';
import { DEV_JWT_SECRET } from '../src/config/dev-defaults.ts';
import { createWorld, type World } from './support/fixtures.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

let t: TestServer;
let world: World;
const TENANT_KEY = 'shipsync_01.6f1d2c3b4a5968778695a4b3c2d1e0f1';
const BOUND_KEY = 'alpha_erp_01.0a9b8c7d6e5f40312233445566778899';

async function addClient(apiKey: string, customerId: string | null): Promise<string> {
  const { rows } = await t.db.pool.query<{ id: string }>(
    'insert into integrator_clients (tenant_id, customer_id, name, key_prefix, key_hash) values ($1, $2, $3, $4, $5) returning id',
    [world.tenantId, customerId, `client ${apiKey.split('.')[0]}`, apiKey.split('.')[0], hashApiKey(apiKey)],
  );
  return rows[0]!.id;
}

const claimsOf = (token: string) =>
  (jwt.verify(token, (JSON.parse(DEV_JWT_SECRET) as { key: string }).key) as Record<string, unknown>)[HASURA_CLAIMS_NAMESPACE];

beforeAll(async () => {
  t = await startTestServer();
  world = await createWorld(t.db.pool);
});

describe('integratorToken', () => {
  test('a tenant-wide client gets role integrator, its own id as user id, and the tenant', async () => {
    const id = await addClient(TENANT_KEY, null);
    const { status, body } = await t.call('integratorToken', { apiKey: TENANT_KEY });
    expect(status).toBe(200);
    expect(new Date(body.expiresAt).getTime() - t.clock.now().getTime()).toBeLessThanOrEqual(15 * 60 * 1000);
    expect(claimsOf(body.accessToken)).toEqual({
      'x-hasura-allowed-roles': ['integrator'],
      'x-hasura-default-role': 'integrator',
      'x-hasura-user-id': id,
      'x-hasura-tenant-id': world.tenantId,
    });
    const [row] = (await t.db.pool.query('select last_used_at from integrator_clients where id = $1', [id])).rows;
    expect(row.last_used_at).toEqual(t.clock.now());
  });

  test('a client bound to a customer also carries the customer id', async () => {
    const id = await addClient(BOUND_KEY, world.alphaId);
    const { body } = await t.call('integratorToken', { apiKey: BOUND_KEY });
    expect(claimsOf(body.accessToken)).toMatchObject({ 'x-hasura-user-id': id, 'x-hasura-customer-id': world.alphaId });
  });

  test('wrong secret, unknown prefix, malformed key and inactive client are all INVALID_API_KEY', async () => {
    await t.db.pool.query("update integrator_clients set active = false where key_prefix = 'alpha_erp_01'");
    for (const apiKey of [`${TENANT_KEY.split('.')[0]}.wrong-secret-0000`, 'nosuchprefix.0123456789abcdef', 'no-dot-in-this-key', BOUND_KEY]) {
      const { status, body } = await t.call('integratorToken', { apiKey });
      expect(status).toBe(401);
      expect(body).toEqual({ message: 'The API key is not valid.', extensions: { code: 'INVALID_API_KEY' } });
    }
  });
});
