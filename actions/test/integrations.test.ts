import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '@portal/dev-db';
import { DEV_ACTION_SECRET, DEV_JWT_SECRET } from '../src/config/dev-defaults.ts';
import { createUser, PASSWORD, type TestUser } from './support/fixtures.ts';
import { engineFor, startGraphQLEngine } from './support/graphql-engine.ts';
import { deliverFanoutEvent, runSendWebhooks } from './support/integration-calls.ts';
import { createQuoteWorld, type QuoteWorld } from './support/quote-fixtures.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts';

/**
 * The company admin's integrations through an engine's /v1/graphql: API keys issued, used and
 * revoked; webhook endpoints that receive signed order status changes from a real HTTP receiver on
 * loopback, with retries on the test clock; and what every other role and company sees of them.
 */
let t: TestServer;
let w: QuoteWorld;
let bravoAdmin: TestUser;
let engineUrl: string;
let receiver: WebhookReceiver;
const tokens = new Map<string, string>();

async function gql(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await fetch(`${engineUrl}/v1/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

const as = (user: TestUser) => tokens.get(user.id)!;

async function ok(user: TestUser | string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const body = await gql(typeof user === 'string' ? user : as(user), query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

async function refusedWith(user: TestUser | null, query: string, variables: Record<string, unknown> = {}): Promise<string> {
  const body = await gql(user ? as(user) : null, query, variables);
  expect(body.data ?? null, JSON.stringify(body)).toBeNull();
  return body.errors[0].extensions.code;
}

const CREATE_KEY = 'mutation ($n: String!) { customerCreateApiKey(name: $n) { clientId name keyPrefix apiKey createdAt } }';
const REVOKE_KEY = 'mutation ($c: uuid!) { customerRevokeApiKey(clientId: $c) { clientId active } }';
const TOKEN = 'mutation ($k: String!) { integratorToken(apiKey: $k) { accessToken } }';
const KEYS = '{ integrator_clients(order_by: {created_at: desc}) { id name key_prefix active last_used_at created_at created_by revoked_at revoked_by } }';
const CREATE_HOOK = 'mutation ($u: String!, $d: String) { customerCreateWebhookEndpoint(url: $u, description: $d) { endpointId secret } }';
const UPDATE_HOOK = 'mutation ($e: uuid!, $u: String, $d: String, $a: Boolean) { customerUpdateWebhookEndpoint(endpointId: $e, url: $u, description: $d, active: $a) { endpointId url description active } }';
const ROTATE = 'mutation ($e: uuid!) { customerRotateWebhookSecret(endpointId: $e) { endpointId secret } }';
const SEND_TEST = 'mutation ($e: uuid!) { customerSendWebhookTest(endpointId: $e) { deliveryId status responseCode error } }';
const HOOKS = `{ webhook_endpoints(order_by: {created_at: desc}) { id url description active created_by
  deliveries(order_by: {created_at: desc}) { id event_type status attempt_count last_response_code last_error delivered_at order_status_event_id } } }`;

/** An order of ALPHA, placed by its user (the insert writes its first status event). */
async function createOrder(): Promise<string> {
  const { rows } = await t.db.pool.query<{ id: string }>(
    `insert into sales_orders (tenant_id, customer_id, placed_by, status, subtotal, shipping_address) values ($1, $2, $3, 'CONFIRMED', 0, '{}') returning id`,
    [w.tenantId, w.alphaId, w.alpha.user.id],
  );
  return rows[0]!.id;
}

/** Moves an order and returns the status event row the change wrote, as the trigger's payload has it. */
async function moveOrder(orderId: string, status: string, tracking: string | null = null): Promise<Record<string, unknown>> {
  await t.db.pool.query('update sales_orders set status = $2, tracking_number = coalesce($3, tracking_number), carrier = case when $3::text is null then carrier else $4 end where id = $1', [
    orderId,
    status,
    tracking,
    'UPS',
  ]);
  const { rows } = await t.db.pool.query('select * from order_status_events where order_id = $1 order by event_number desc limit 1', [orderId]);
  return rows[0]!;
}

/** The delivery of one status event to one endpoint, as the admin's delivery log shows it. */
async function logOf(endpointId: string, statusEventId: unknown): Promise<any> {
  const { webhook_endpoints: endpoints } = await ok(w.alpha.admin, HOOKS);
  const deliveries = endpoints.find((endpoint: { id: string }) => endpoint.id === endpointId).deliveries;
  return deliveries.find((delivery: { order_status_event_id: string }) => delivery.order_status_event_id === statusEventId);
}

/** The documented recipe: HMAC-SHA256 of `<timestamp>.<raw body>` under the secret, hex, after `v1=`. */
function expectedSignature(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

beforeAll(async () => {
  t = await startTestServer();
  w = await createQuoteWorld(t.db.pool, 'int');
  bravoAdmin = await createUser(t.db.pool, { tenantId: w.tenantId, customerId: w.bravoId, role: 'customer_admin', email: 'int-bravo-admin@example.test' });
  receiver = await startWebhookReceiver();
  const engine = await startGraphQLEngine(engineFor(t.db.url, t.url, 'integrations-test-admin-secret', DEV_JWT_SECRET, DEV_ACTION_SECRET));
  engineUrl = engine.url;
  for (const user of [w.staff, w.alpha.user, w.alpha.approver, w.alpha.admin, w.bravo.user, bravoAdmin]) {
    const { data } = await gql(null, 'mutation ($e: String!, $p: String!) { customerLogin(email: $e, password: $p) { session { accessToken } } }', { e: user.email, p: PASSWORD });
    tokens.set(user.id, data.customerLogin.session.accessToken);
  }
  return () => engine.stop();
}, 120_000);

describe('API keys', () => {
  let key: { clientId: string; name: string; keyPrefix: string; apiKey: string };

  test('an admin creates a named key for their company; the full key is answered once and stored only as a hash', async () => {
    key = (await ok(w.alpha.admin, CREATE_KEY, { n: '  Warehouse ERP  ' })).customerCreateApiKey;
    expect(key).toMatchObject({ name: 'Warehouse ERP', keyPrefix: expect.stringMatching(/^pk_[0-9a-f]{16}$/) });
    expect(key.apiKey.startsWith(`${key.keyPrefix}.`)).toBe(true);
    const [row] = (await t.db.pool.query('select customer_id, key_hash, created_by from integrator_clients where id = $1', [key.clientId])).rows;
    expect(row).toMatchObject({ customer_id: w.alphaId, created_by: w.alpha.admin.id });
    expect(row.key_hash).not.toContain(key.apiKey.split('.')[1]);
    const listed = (await ok(w.alpha.admin, KEYS)).integrator_clients;
    expect(listed).toEqual([expect.objectContaining({ id: key.clientId, name: 'Warehouse ERP', key_prefix: key.keyPrefix, active: true, last_used_at: null })]);
    expect(await refusedWith(w.alpha.admin, '{ integrator_clients { key_hash } }')).toBe('validation-failed');
  });

  test('the key exchanges for an integrator token that reads the company\'s orders, and last_used_at is set', async () => {
    const orderId = await createOrder();
    const accessToken = (await gql(null, TOKEN, { k: key.apiKey })).data.integratorToken.accessToken;
    const orders = (await ok(accessToken, '{ sales_orders { id customer_id } }')).sales_orders;
    expect(orders.map((order: { id: string }) => order.id)).toContain(orderId);
    expect(new Set(orders.map((order: { customer_id: string }) => order.customer_id))).toEqual(new Set([w.alphaId]));
    const [listed] = (await ok(w.alpha.admin, KEYS)).integrator_clients;
    expect(listed.last_used_at).not.toBeNull();
    // The integrator itself sees nothing of the integrations, its own key included.
    for (const query of ['{ integrator_clients { id } }', '{ webhook_endpoints { id } }', '{ webhook_deliveries { id } }']) {
      expect((await gql(accessToken, query)).errors[0].extensions.code, query).toBe('validation-failed');
    }
  });

  test('revoked, the key gets no more tokens and its token no longer reads orders; the audit trail has both steps', async () => {
    const { data } = await gql(null, TOKEN, { k: key.apiKey });
    const earlier = data.integratorToken.accessToken;
    expect((await ok(w.alpha.admin, REVOKE_KEY, { c: key.clientId })).customerRevokeApiKey).toEqual({ clientId: key.clientId, active: false });
    expect(await refusedWith(null, TOKEN, { k: key.apiKey })).toBe('INVALID_API_KEY');
    expect((await ok(earlier, '{ sales_orders { id } }')).sales_orders).toEqual([]);
    const [listed] = (await ok(w.alpha.admin, KEYS)).integrator_clients;
    expect(listed).toMatchObject({ active: false, revoked_by: w.alpha.admin.id, revoked_at: expect.any(String) });
    // A second revoke is harmless and adds no audit row.
    await ok(w.alpha.admin, REVOKE_KEY, { c: key.clientId });
    const audit = await t.db.pool.query("select action, user_id, details::text from customer_activity_log where entity_id = $1 and action like 'integrations.%' order by action", [key.clientId]);
    expect(audit.rows.map((row) => [row.action, row.user_id])).toEqual([
      ['integrations.api_key_created', w.alpha.admin.id],
      ['integrations.api_key_revoked', w.alpha.admin.id],
    ]);
    for (const row of audit.rows) expect(row.details).not.toContain(key.apiKey.split('.')[1]);
  });

  test('a blank name is refused in words', async () => {
    expect(await refusedWith(w.alpha.admin, CREATE_KEY, { n: '   ' })).toBe('VALIDATION_FAILED');
  });
});

describe('webhooks', () => {
  let endpoint: { endpointId: string; secret: string };
  let orderId: string;

  beforeAll(async () => {
    orderId = await createOrder();
  });

  test('an admin registers an endpoint; the secret is answered once and never selectable', async () => {
    endpoint = (await ok(w.alpha.admin, CREATE_HOOK, { u: receiver.url, d: 'ERP order feed' })).customerCreateWebhookEndpoint;
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const [row] = (await t.db.pool.query('select secret_sealed, created_by from webhook_endpoints where id = $1', [endpoint.endpointId])).rows;
    expect(row.secret_sealed).not.toContain(endpoint.secret);
    expect(row.created_by).toBe(w.alpha.admin.id);
    expect(await refusedWith(w.alpha.admin, '{ webhook_endpoints { secret_sealed } }')).toBe('validation-failed');
    expect(await refusedWith(w.staff, '{ webhook_endpoints { secret_sealed } }')).toBe('validation-failed');
    expect(await refusedWith(w.alpha.admin, '{ webhook_deliveries { body } }')).toBe('validation-failed');
  });

  test('addresses that are not https to a public host are refused in words (loopback http is allowed in tests)', async () => {
    for (const url of ['ftp://erp.example.com/hook', 'http://erp.example.com/hook', 'https://10.1.2.3/hook', 'https://user:pw@erp.example.com/hook', 'not a url']) {
      const body = await gql(as(w.alpha.admin), CREATE_HOOK, { u: url });
      expect(body.errors?.[0]?.extensions?.code, url).toBe('WEBHOOK_URL_NOT_ALLOWED');
      expect(body.errors[0].message).not.toMatch(/internal|exception/i);
    }
  });

  test('an order status change reaches the receiver, signed as documented', async () => {
    const event = await moveOrder(orderId, 'SHIPPED', '1Z999AA10123456784');
    expect((await deliverFanoutEvent(t, event)).body).toMatchObject({ queued: 1 });
    expect((await runSendWebhooks(t)).body).toMatchObject({ sent: 1, delivered: 1 });
    const request = receiver.received.at(-1)!;
    const timestamp = request.headers['x-portal-webhook-timestamp'] as string;
    expect(Number(timestamp)).toBe(Math.floor(t.clock.now().getTime() / 1000));
    expect(request.headers['x-portal-webhook-signature']).toBe(expectedSignature(endpoint.secret, timestamp, request.body));
    expect(request.headers['x-portal-webhook-id']).toBe(event.id);
    expect(JSON.parse(request.body)).toEqual({
      id: event.id,
      type: 'order.status_changed',
      occurred_at: (event.created_at as Date).toISOString(),
      data: { order_id: orderId, order_number: expect.stringMatching(/^SO-/), from_status: 'CONFIRMED', to_status: 'SHIPPED', carrier: 'UPS', tracking_number: '1Z999AA10123456784' },
    });
    const delivery = await logOf(endpoint.endpointId, event.id);
    expect(delivery).toMatchObject({ event_type: 'order.status_changed', status: 'DELIVERED', attempt_count: 1, last_response_code: 200, order_status_event_id: event.id });
  });

  test('a redelivered trigger event queues no second delivery', async () => {
    const event = await moveOrder(orderId, 'DELIVERED');
    expect((await deliverFanoutEvent(t, event, '6a1f0e0e-0000-4000-8000-000000000001')).body).toMatchObject({ queued: 1 });
    expect((await deliverFanoutEvent(t, event, '6a1f0e0e-0000-4000-8000-000000000001')).body).toMatchObject({ queued: 0 });
    const rows = await t.db.pool.query('select count(*)::int as n from webhook_deliveries where order_status_event_id = $1', [event.id]);
    expect(rows.rows[0].n).toBe(1);
    await runSendWebhooks(t);
  });

  test('500, 500, then 200: three attempts with backoff on the clock, and the log shows each code', async () => {
    receiver.answerWith(500, 500, 200);
    const before = receiver.received.length;
    const event = await moveOrder(await createOrder(), 'IN_PRODUCTION');
    await deliverFanoutEvent(t, event);
    expect((await runSendWebhooks(t)).body).toMatchObject({ sent: 1, delivered: 0 });
    let delivery = await logOf(endpoint.endpointId, event.id);
    expect(delivery).toMatchObject({ status: 'PENDING', attempt_count: 1, last_response_code: 500, last_error: expect.stringContaining('answered 500') });
    // Not due yet: the first retry waits the base delay (60 s by default).
    expect((await runSendWebhooks(t)).body).toMatchObject({ sent: 0 });
    t.clock.advanceSeconds(60);
    expect((await runSendWebhooks(t)).body).toMatchObject({ sent: 1, delivered: 0 });
    delivery = await logOf(endpoint.endpointId, event.id);
    expect(delivery).toMatchObject({ status: 'PENDING', attempt_count: 2, last_response_code: 500 });
    // The second retry waits twice as long.
    t.clock.advanceSeconds(119);
    expect((await runSendWebhooks(t)).body).toMatchObject({ sent: 0 });
    t.clock.advanceSeconds(1);
    expect((await runSendWebhooks(t)).body).toMatchObject({ sent: 1, delivered: 1 });
    delivery = await logOf(endpoint.endpointId, event.id);
    expect(delivery).toMatchObject({ status: 'DELIVERED', attempt_count: 3, last_response_code: 200, last_error: null, delivered_at: expect.any(String) });
    const attempts = receiver.received.slice(before);
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((request) => request.headers['x-portal-webhook-id']))).toEqual(new Set([event.id]));
    expect(new Set(attempts.map((request) => request.body)).size).toBe(1);
  });

  test('a 400 answer is a permanent failure after one attempt', async () => {
    receiver.answerWith(400);
    const event = await moveOrder(await createOrder(), 'ON_HOLD');
    await deliverFanoutEvent(t, event);
    expect((await runSendWebhooks(t)).body).toMatchObject({ sent: 1, failed: 1 });
    const delivery = await logOf(endpoint.endpointId, event.id);
    expect(delivery).toMatchObject({ status: 'FAILED', attempt_count: 1, last_response_code: 400, last_error: expect.stringContaining('not retried') });
    t.clock.advanceMinutes(60);
    expect((await runSendWebhooks(t)).body).toMatchObject({ sent: 0 });
  });

  test('a receiver that is down is retried until the configured attempts are used up, then FAILED', async () => {
    const down = (await ok(w.alpha.admin, CREATE_HOOK, { u: `http://127.0.0.1:${await freePort()}/closed`, d: 'Nothing listens here' })).customerCreateWebhookEndpoint;
    const event = await moveOrder(await createOrder(), 'IN_PRODUCTION');
    await deliverFanoutEvent(t, event);
    for (let attempt = 1; attempt <= t.config.webhooks.maxAttempts; attempt++) {
      await runSendWebhooks(t);
      t.clock.advanceSeconds(t.config.webhooks.retryMaxSeconds);
    }
    const delivery = await logOf(down.endpointId, event.id);
    expect(delivery).toMatchObject({ status: 'FAILED', attempt_count: t.config.webhooks.maxAttempts, last_response_code: null });
    expect(delivery.last_error).toMatch(/refused.*Gave up after 8 attempts/);
    await ok(w.alpha.admin, UPDATE_HOOK, { e: down.endpointId, a: false });
  });

  test('send test event: the receiver gets a signed webhook.test and the answer is returned in the result', async () => {
    const sent = (await ok(w.alpha.admin, SEND_TEST, { e: endpoint.endpointId })).customerSendWebhookTest;
    expect(sent).toMatchObject({ status: 'DELIVERED', responseCode: 200, error: null });
    const request = receiver.received.at(-1)!;
    expect(JSON.parse(request.body)).toMatchObject({ type: 'webhook.test' });
    expect(request.headers['x-portal-webhook-signature']).toBe(expectedSignature(endpoint.secret, request.headers['x-portal-webhook-timestamp'] as string, request.body));
    receiver.answerWith(503);
    const failed = (await ok(w.alpha.admin, SEND_TEST, { e: endpoint.endpointId })).customerSendWebhookTest;
    expect(failed).toMatchObject({ status: 'FAILED', responseCode: 503, error: expect.stringContaining('503') });
  });

  test('rotating the secret signs from then on with the new secret only', async () => {
    const rotated = (await ok(w.alpha.admin, ROTATE, { e: endpoint.endpointId })).customerRotateWebhookSecret;
    expect(rotated.secret).not.toBe(endpoint.secret);
    await ok(w.alpha.admin, SEND_TEST, { e: endpoint.endpointId });
    const request = receiver.received.at(-1)!;
    const timestamp = request.headers['x-portal-webhook-timestamp'] as string;
    expect(request.headers['x-portal-webhook-signature']).toBe(expectedSignature(rotated.secret, timestamp, request.body));
    expect(request.headers['x-portal-webhook-signature']).not.toBe(expectedSignature(endpoint.secret, timestamp, request.body));
    endpoint = rotated;
  });

  test('edit and deactivate: a turned-off endpoint gets no new deliveries and no test events', async () => {
    const edited = (await ok(w.alpha.admin, UPDATE_HOOK, { e: endpoint.endpointId, d: 'ERP feed (v2)' })).customerUpdateWebhookEndpoint;
    expect(edited).toEqual({ endpointId: endpoint.endpointId, url: receiver.url, description: 'ERP feed (v2)', active: true });
    await ok(w.alpha.admin, UPDATE_HOOK, { e: endpoint.endpointId, a: false });
    expect((await deliverFanoutEvent(t, await moveOrder(await createOrder(), 'CANCELLED'))).body).toMatchObject({ queued: 0 });
    expect(await refusedWith(w.alpha.admin, SEND_TEST, { e: endpoint.endpointId })).toBe('WEBHOOK_ENDPOINT_INACTIVE');
    expect(await refusedWith(w.alpha.admin, UPDATE_HOOK, { e: endpoint.endpointId, u: 'http://example.com/x' })).toBe('WEBHOOK_URL_NOT_ALLOWED');
    await ok(w.alpha.admin, UPDATE_HOOK, { e: endpoint.endpointId, a: true });
  });

  test('a delivery queued before its endpoint was turned off is FAILED without being sent', async () => {
    const before = receiver.received.length;
    const event = await moveOrder(await createOrder(), 'IN_PRODUCTION');
    await deliverFanoutEvent(t, event);
    await ok(w.alpha.admin, UPDATE_HOOK, { e: endpoint.endpointId, a: false });
    expect((await runSendWebhooks(t)).body).toMatchObject({ sent: 0, abandoned: 1 });
    expect(receiver.received.length).toBe(before);
    const delivery = await logOf(endpoint.endpointId, event.id);
    expect(delivery).toMatchObject({ status: 'FAILED', attempt_count: 0, last_error: expect.stringContaining('turned off') });
    await ok(w.alpha.admin, UPDATE_HOOK, { e: endpoint.endpointId, a: true });
  });

  test('the audit trail records the endpoint\'s life without its secret or URL path', async () => {
    const audit = await t.db.pool.query('select action, details::text from customer_activity_log where entity_id = $1', [endpoint.endpointId]);
    expect(new Set(audit.rows.map((row) => row.action))).toEqual(
      new Set(['integrations.webhook_created', 'integrations.webhook_test_sent', 'integrations.webhook_secret_rotated', 'integrations.webhook_updated']),
    );
    for (const row of audit.rows) {
      expect(row.details).not.toContain('whsec_');
      expect(row.details).not.toContain('/hooks');
    }
  });
});

describe('isolation', () => {
  let alphaKey: string;
  let alphaHook: string;

  beforeAll(async () => {
    alphaKey = (await ok(w.alpha.admin, CREATE_KEY, { n: 'Shipping system' })).customerCreateApiKey.clientId;
    // A form without a description sends null, as the web page does.
    alphaHook = (await ok(w.alpha.admin, CREATE_HOOK, { u: receiver.url, d: null })).customerCreateWebhookEndpoint.endpointId;
  });

  test('another company\'s admin sees none of the keys, endpoints or deliveries', async () => {
    expect(await ok(bravoAdmin, '{ integrator_clients { id } webhook_endpoints { id } webhook_deliveries { id } }')).toEqual({
      integrator_clients: [],
      webhook_endpoints: [],
      webhook_deliveries: [],
    });
    expect(await ok(bravoAdmin, `{ integrator_clients_by_pk(id: "${alphaKey}") { id } webhook_endpoints_by_pk(id: "${alphaHook}") { id } }`)).toEqual({
      integrator_clients_by_pk: null,
      webhook_endpoints_by_pk: null,
    });
    const alphaSees = await ok(w.alpha.admin, '{ webhook_deliveries { customer_id } }');
    expect(alphaSees.webhook_deliveries.length).toBeGreaterThan(0);
  });

  test('another company\'s admin changes none of them', async () => {
    expect(await refusedWith(bravoAdmin, REVOKE_KEY, { c: alphaKey })).toBe('API_KEY_NOT_FOUND');
    expect(await refusedWith(bravoAdmin, UPDATE_HOOK, { e: alphaHook, a: false })).toBe('WEBHOOK_ENDPOINT_NOT_FOUND');
    expect(await refusedWith(bravoAdmin, ROTATE, { e: alphaHook })).toBe('WEBHOOK_ENDPOINT_NOT_FOUND');
    expect(await refusedWith(bravoAdmin, SEND_TEST, { e: alphaHook })).toBe('WEBHOOK_ENDPOINT_NOT_FOUND');
    const [key] = (await t.db.pool.query('select active from integrator_clients where id = $1', [alphaKey])).rows;
    const [hook] = (await t.db.pool.query('select active, secret_rotated_at from webhook_endpoints where id = $1', [alphaHook])).rows;
    expect(key.active).toBe(true);
    expect(hook).toEqual({ active: true, secret_rotated_at: null });
  });

  test('customer users and approvers, also of the same company, see and call nothing of it', async () => {
    for (const user of [w.alpha.user, w.alpha.approver, w.bravo.user]) {
      for (const query of ['{ integrator_clients { id } }', '{ webhook_endpoints { id } }', '{ webhook_deliveries { id } }', '{ customers { integrator_clients { id } } }']) {
        expect(await refusedWith(user, query), `${user.email} ${query}`).toBe('validation-failed');
      }
      expect(await refusedWith(user, CREATE_KEY, { n: 'Mine' })).toBe('validation-failed');
      expect(await refusedWith(user, CREATE_HOOK, { u: receiver.url })).toBe('validation-failed');
      expect(await refusedWith(user, SEND_TEST, { e: alphaHook })).toBe('validation-failed');
    }
  });

  test('an admin acting as an approver gets no integrations, and the action refuses the role itself', async () => {
    const response = await fetch(`${engineUrl}/v1/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${as(w.alpha.admin)}`, 'x-hasura-role': 'customer_approver' },
      body: JSON.stringify({ query: '{ webhook_endpoints { id } }' }),
    });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('validation-failed');
    const direct = await t.call('customerCreateApiKey', { name: 'Sneaky' }, {
      'x-hasura-role': 'customer_approver',
      'x-hasura-user-id': w.alpha.admin.id,
      'x-hasura-tenant-id': w.tenantId,
      'x-hasura-customer-id': w.alphaId,
    });
    expect(direct.body.extensions.code).toBe('ROLE_NOT_ALLOWED');
  });

  test('staff see the tenant\'s keys, endpoints and deliveries; anonymous sees none of it', async () => {
    const staff = await ok(w.staff, '{ integrator_clients { id } webhook_endpoints { id } webhook_deliveries { id } }');
    expect(staff.integrator_clients.map((row: { id: string }) => row.id)).toContain(alphaKey);
    expect(staff.webhook_endpoints.map((row: { id: string }) => row.id)).toContain(alphaHook);
    expect(staff.webhook_deliveries.length).toBeGreaterThan(0);
    expect(await refusedWith(w.staff, CREATE_KEY, { n: 'Staff key' })).toBe('validation-failed');
    for (const query of ['{ integrator_clients { id } }', '{ webhook_endpoints { id } }', '{ webhook_deliveries { id } }']) {
      expect(await refusedWith(null, query), query).toBe('validation-failed');
    }
  });
});
