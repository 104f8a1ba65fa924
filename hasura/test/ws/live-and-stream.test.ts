import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CUSTOMER_ROLES } from '@portal/common';
import { seedScale } from '@portal/seed';
import type { TestDatabase } from '@portal/test-support';
import type { TestServer } from '../http/server-fixture.ts';
import { owners } from '../engine/ownership.ts';
import { actingAs, ADMIN, startWsServer } from './ws-fixture.ts';
import { initialisedSocket, notKeepAlive, PROTOCOLS, type TestSocket } from './ws-client.ts';

let db: TestDatabase;
let engine: TestServer;
/** Two sessions per role, of two different customers of one tenant. */
const sessions = new Map<string, [Record<string, string>, Record<string, string>]>();

async function customerSessions(): Promise<[Record<string, string>, Record<string, string>]> {
  const users = await db.pool.query(
    `select distinct on (u.customer_id) u.id, u.customer_id, u.tenant_id from public.customer_users u
      where u.tenant_id = (select tenant_id from public.customer_users where email = 'user@bluepeak.example') order by u.customer_id, u.id limit 2`,
  );
  if (users.rows.length < 2) throw new Error('the demo tenant needs two customers with users');
  const [a, b] = users.rows.map((u) => ({ 'x-hasura-user-id': u.id, 'x-hasura-customer-id': u.customer_id, 'x-hasura-tenant-id': u.tenant_id }));
  return [a!, b!];
}

/** The demo's customer-scoped integrator, and the tenant-wide one of another (seeded) tenant. */
async function integratorSessions(): Promise<[Record<string, string>, Record<string, string>]> {
  const scoped = (await db.pool.query('select id, tenant_id from public.integrator_clients where active and customer_id is not null order by id limit 1')).rows[0];
  const other = (await db.pool.query('select id, tenant_id from public.integrator_clients where active and tenant_id <> $1 order by id limit 1', [scoped.tenant_id])).rows[0];
  const session = (c: { id: string; tenant_id: string }) => ({ 'x-hasura-user-id': c.id, 'x-hasura-tenant-id': c.tenant_id });
  return [session(scoped), session(other)];
}

beforeAll(async () => {
  ({ db, engine } = await startWsServer());
  const client = await db.pool.connect();
  try {
    await seedScale(client, { scale: 0.01, bcryptCost: 4 });
  } finally {
    client.release();
  }
  const customers = await customerSessions();
  for (const role of CUSTOMER_ROLES) sessions.set(role, customers);
  sessions.set('integrator', await integratorSessions());
});
afterAll(() => engine?.close());

async function firstResult(socket: TestSocket, id: string, query: string, variables?: Record<string, unknown>): Promise<any> {
  socket.send({ type: 'start', id, payload: { query, variables } });
  const frame = await socket.next((f) => notKeepAlive(f) && f.id === id);
  expect(frame, `${query}: ${JSON.stringify(frame.payload)}`).toMatchObject({ type: "data" });
  return frame.payload;
}

/**
 * The engine's subscription counts once sockets closed by earlier tests are gone on the server
 * side too (their close is processed asynchronously); fails when they never reach `expected`.
 */
async function expectStats(expected: { subscribers: number; groups: number }): Promise<void> {
  for (let i = 0; i < 100 && JSON.stringify(engine.server.subscriptions.stats()) !== JSON.stringify(expected); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(engine.server.subscriptions.stats()).toEqual(expected);
}

/** Tables with row ids a role may subscribe to (enum tables hold no customer data). */
function subscribableTables(role: string) {
  return [...engine.server.engine.current.model.tables.values()].filter((t) => t.selectPermissions.has(role) && t.enumValues === null);
}

describe.each([...CUSTOMER_ROLES, 'integrator'])('cohort isolation: %s', (role) => {
  test('two customers on the same query text share one group, and each gets exactly what its own request would', async () => {
    const [ours, theirs] = sessions.get(role)!;
    const sockets = await Promise.all([ours, theirs].map((session) => initialisedSocket(engine.url, PROTOCOLS[0]!, actingAs(role, session))));
    const tables = subscribableTables(role);
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      const query = `subscription { rows: ${table.rootFields.select}(order_by: {id: asc}) { id } }`;
      const [a, b] = await Promise.all(sockets.map((socket) => firstResult(socket, table.name, query)));
      await expectStats({ subscribers: 2, groups: 1 });
      const expected = await Promise.all([ours, theirs].map((session) => engine.graphql(query.replace('subscription', 'query'), actingAs(role, session))));
      expect(a, `${table.name} for the first`).toEqual(expected[0]!.json);
      expect(b, `${table.name} for the second`).toEqual(expected[1]!.json);
      const tableOwners = await owners(db.pool, table.name);
      const customerOf = (row: { id: string }) => tableOwners.get(row.id)?.customerId ?? null;
      const ourCustomers = new Set(a.data.rows.map(customerOf).filter((c: string | null) => c !== null));
      const theirCustomers = new Set(b.data.rows.map(customerOf).filter((c: string | null) => c !== null));
      expect([...ourCustomers].filter((c) => theirCustomers.has(c)), `${table.name}: rows of one customer in both`).toEqual([]);
      for (const socket of sockets) socket.send({ type: 'stop', id: table.name });
      await expectStats({ subscribers: 0, groups: 0 });
    }
    for (const socket of sockets) socket.close();
  });
});

test('subscribers differing only in variable values share one group (their values are rows of the cohort array), each getting its own answer', async () => {
  const [ours, theirs] = sessions.get('customer_user')!;
  const orderOf = async (session: Record<string, string>) =>
    (await db.pool.query('select id from public.sales_orders where customer_id = $1 order by id limit 1', [session['x-hasura-customer-id']])).rows[0].id as string;
  const query = 'subscription Order($id: uuid!) { sales_orders_by_pk(id: $id) { id customer_id } }';
  const socket = await initialisedSocket(engine.url, PROTOCOLS[0]!, ADMIN);
  // One after the other: a wait on the socket drops the frames it does not match.
  const a = await firstResult(socket, 'o0', query, { id: await orderOf(ours) });
  const b = await firstResult(socket, 'o1', query, { id: await orderOf(theirs) });
  await expectStats({ subscribers: 2, groups: 1 });
  expect(a.data.sales_orders_by_pk.customer_id).toBe(ours['x-hasura-customer-id']);
  expect(b.data.sales_orders_by_pk.customer_id).toBe(theirs['x-hasura-customer-id']);
  // The other customer's order, asked for with the first customer's session: the permission still applies per row.
  const other = await initialisedSocket(engine.url, PROTOCOLS[0]!, actingAs('customer_user', ours));
  expect(await firstResult(other, 'theirs', query, { id: await orderOf(theirs) })).toEqual({ data: { sales_orders_by_pk: null } });
  for (const s of [socket, other]) s.close();
});

describe.each(PROTOCOLS)('$name', (protocol) => {
  test('a stream sends the rows inserted after its cursor, in cursor order, each once, and only the role\'s own', async () => {
    const [ours, theirs] = sessions.get('customer_user')!;
    const max = (await db.pool.query('select coalesce(max(event_number), 0)::int as n from public.order_status_events')).rows[0].n;
    const socket = await initialisedSocket(engine.url, protocol, actingAs('customer_user', ours));
    const query = 'subscription Events($from: bigint!) { order_status_events_stream(batch_size: 2, cursor: {initial_value: {event_number: $from}, ordering: ASC}) { event_number customer_id to_status } }';
    socket.send({ type: protocol.start, id: 'stream', payload: { query, variables: { from: max } } });
    const orderOf = async (session: Record<string, string>) =>
      (await db.pool.query('select id from public.sales_orders where customer_id = $1 order by id limit 1', [session['x-hasura-customer-id']])).rows[0].id;
    const [ourOrder, theirOrder] = [await orderOf(ours), await orderOf(theirs)];
    for (const status of ['ON_HOLD', 'IN_PRODUCTION', 'SHIPPED']) {
      await db.pool.query('update public.sales_orders set status = $1 where id = any($2)', [status, [ourOrder, theirOrder]]);
    }
    const received: Array<{ event_number: number; customer_id: string; to_status: string }> = [];
    while (received.length < 3) {
      const frame = await socket.next(notKeepAlive);
      expect(frame).toMatchObject({ type: protocol.data, id: 'stream' });
      const rows = frame.payload.data.order_status_events_stream;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBeLessThanOrEqual(2);
      received.push(...rows);
    }
    expect(received.map((row) => row.to_status)).toEqual(['ON_HOLD', 'IN_PRODUCTION', 'SHIPPED']);
    expect(received.every((row) => row.customer_id === ours['x-hasura-customer-id'])).toBe(true);
    const numbers = received.map((row) => Number(row.event_number));
    expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
    expect(numbers[0]).toBeGreaterThan(max);
    socket.close();
  });

  test('a live query sends a message only when its result changed', async () => {
    const socket = await initialisedSocket(engine.url, protocol, ADMIN);
    const orderId = (await db.pool.query('select id from public.sales_orders order by id limit 1')).rows[0].id;
    const query = `subscription { sales_orders_by_pk(id: "${orderId}") { carrier } }`;
    socket.send({ type: protocol.start, id: 'live', payload: { query } });
    await socket.next((frame) => frame.type === protocol.data);
    await db.pool.query("update public.sales_orders set internal_notes = 'not selected' where id = $1", [orderId]);
    await db.pool.query('update public.sales_orders set carrier = $2 where id = $1', [orderId, protocol.name]);
    const next = await socket.next((frame) => frame.type === protocol.data);
    // Had the unselected change produced a message, it would carry the old carrier.
    expect(next.payload).toEqual({ data: { sales_orders_by_pk: { carrier: protocol.name } } });
    socket.close();
  });

  test('a metadata change closes every socket with 1012', async () => {
    const socket = await initialisedSocket(engine.url, protocol, ADMIN);
    await engine.server.engine.reload();
    expect(await socket.closed()).toEqual({ code: 1012, reason: 'Closing all websocket connections as the metadata has changed' });
  });

  test('a change through the metadata API closes every socket with 1012 too', async () => {
    const socket = await initialisedSocket(engine.url, protocol, ADMIN);
    const answer = await engine.post('/v1/metadata', { type: 'reload_metadata', args: {} }, ADMIN);
    expect(answer.status).toBe(200);
    expect((await socket.closed()).code).toBe(1012);
  });
});
