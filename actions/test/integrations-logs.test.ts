import { Writable } from 'node:stream';
import type pg from 'pg';
import { beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase } from '@portal/test-support';
import { createLogger } from '../src/logger.ts';
import { startActionServer } from '../src/server.ts';
import { createUser, createWorld } from './support/fixtures.ts';
import { deliverFanoutEvent, runSendWebhooks } from './support/integration-calls.ts';
import { sessionFor } from './support/quote-fixtures.ts';
import { testConfig, type TestServer } from './support/test-server.ts';
import { TestClock } from './support/test-clock.ts';
import { startWebhookReceiver } from './support/webhook-receiver.ts';
import { DEV_ACTION_SECRET } from '../src/config/dev-defaults.ts';
import { ACTION_SECRET_HEADER } from '../src/http/install-caller-check.ts';

/** What the integrations write to the log: what happened, never a key, a secret or the receiver's URL. */
let lines = '';
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines += chunk.toString();
    done();
  },
});

let t: Pick<TestServer, 'url' | 'clock'>;
let session: Record<string, string>;
let pool: pg.Pool;
let tenantId: string;
let customerId: string;

async function call(action: string, path: string, input: Record<string, unknown>): Promise<any> {
  const response = await fetch(`${t.url}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [ACTION_SECRET_HEADER]: DEV_ACTION_SECRET },
    body: JSON.stringify({ action: { name: action }, input, session_variables: session }),
  });
  return response.json();
}

beforeAll(async () => {
  const db = await createTestDatabase();
  const world = await createWorld(db.pool);
  const admin = await createUser(db.pool, { tenantId: world.tenantId, customerId: world.alphaId, role: 'customer_admin', email: 'logs-admin@alpha.example' });
  session = sessionFor(admin);
  pool = db.pool;
  tenantId = world.tenantId;
  customerId = world.alphaId;
  const clock = new TestClock();
  const server = await startActionServer(testConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'debug' }), { pool: db.pool, clock, logger: createLogger('debug', sink) });
  t = { url: server.url, clock };
  return () => server.close();
});

describe('integration logs', () => {
  test('record keys, endpoints and deliveries without the key, the secret or the receiver\'s address', async () => {
    const receiver = await startWebhookReceiver();
    const { apiKey } = await call('customerCreateApiKey', 'customer-create-api-key', { name: 'Log probe' });
    const { endpointId, secret } = await call('customerCreateWebhookEndpoint', 'customer-create-webhook-endpoint', { url: `${receiver.url}/private-token-abc` });
    const { secret: rotated } = await call('customerRotateWebhookSecret', 'customer-rotate-webhook-secret', { endpointId });
    expect((await call('customerSendWebhookTest', 'customer-send-webhook-test', { endpointId })).status).toBe('DELIVERED');
    const order = await pool.query<{ id: string }>(
      `insert into sales_orders (tenant_id, customer_id, status, subtotal, shipping_address) values ($1, $2, 'CONFIRMED', 0, '{}') returning id`,
      [tenantId, customerId],
    );
    const [event] = (await pool.query('select * from order_status_events where order_id = $1', [order.rows[0]!.id])).rows;
    await deliverFanoutEvent(t, event);
    expect((await runSendWebhooks(t)).body).toMatchObject({ delivered: 1 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toContain('"msg":"webhook attempt"');
    expect(lines).toContain(`"endpointId":"${endpointId}"`);
    for (const leaked of [apiKey, apiKey.split('.')[1], secret, rotated, 'private-token-abc']) expect(lines).not.toContain(leaked);
  });
});
