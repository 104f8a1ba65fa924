import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDatabase } from '@portal/test-support';
import type { TestServer } from '../http/server-fixture.ts';
import { demoIdentity, hasuraClaims, type DemoIdentity } from '../auth/demo-identity.ts';
import { nowSeconds, signJwt, tokenPayload } from '../auth/sign-jwt.ts';
import { ADMIN, KEY, startWsServer } from './ws-fixture.ts';
import { initialisedSocket, notKeepAlive, openSocket, PROTOCOLS } from './ws-client.ts';

let db: TestDatabase;
let engine: TestServer;
let bluepeak: DemoIdentity;

beforeAll(async () => {
  ({ db, engine } = await startWsServer());
  bluepeak = await demoIdentity(db.pool, 'user@bluepeak.example');
});
afterAll(() => engine?.close());

const userToken = (extra: Record<string, unknown> = {}) => signJwt(tokenPayload(hasuraClaims(bluepeak, ['customer_user']), extra), KEY);
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const ORDER_STATUS = 'subscription Order($id: uuid!) { sales_orders_by_pk(id: $id) { id status tracking_number } }';

test('the subprotocol is chosen as Hasura does: graphql-transport-ws when named, else the Apollo protocol', async () => {
  const named = await openSocket(engine.url, 'graphql-transport-ws');
  const apollo = await openSocket(engine.url, 'graphql-ws');
  const none = await openSocket(engine.url, undefined, '/v1alpha1/graphql');
  expect([named.protocol, apollo.protocol, none.protocol]).toEqual(['graphql-transport-ws', 'graphql-ws', '']);
  none.send({ type: 'connection_init', payload: { headers: ADMIN } });
  expect((await none.next()).type).toBe('connection_ack');
  for (const socket of [named, apollo, none]) socket.close();
});

test('a websocket on another path is refused with 404', async () => {
  await expect(openSocket(engine.url, undefined, '/v1/metadata')).rejects.toThrow(/404/);
});

test('a subscription over HTTP POST gets Hasura\'s error', async () => {
  const answer = await engine.graphql('subscription { sales_orders { id } }', ADMIN);
  expect(answer.json.errors[0]).toEqual({ message: 'subscriptions are not supported over HTTP, use websockets instead', extensions: { path: '$', code: 'unexpected-payload' } });
});

describe.each(PROTOCOLS)('$name', (protocol) => {
  test('a JWT at connection_init: the live query answers, then follows an update made by staff', async () => {
    const socket = await initialisedSocket(engine.url, protocol, bearer(userToken()));
    const orderId = bluepeak.orderIds[0]!;
    socket.send({ type: protocol.start, id: 'live', payload: { query: ORDER_STATUS, variables: { id: orderId } } });
    const first = await socket.next(notKeepAlive);
    expect(first).toMatchObject({ type: protocol.data, id: 'live', payload: { data: { sales_orders_by_pk: { id: orderId } } } });
    const tracking = `TRACK-${protocol.name}`;
    const staff = { ...ADMIN, 'x-hasura-role': 'admin' };
    const update = await engine.graphql(`mutation { update_sales_orders_by_pk(pk_columns: {id: "${orderId}"}, _set: {tracking_number: "${tracking}"}) { id } }`, staff);
    expect(update.json.errors).toBeUndefined();
    const changed = await socket.next(notKeepAlive);
    expect(changed).toMatchObject({ type: protocol.data, id: 'live', payload: { data: { sales_orders_by_pk: { tracking_number: tracking } } } });
    socket.close();
  });

  test('queries and mutations over the socket answer once, then complete', async () => {
    const socket = await initialisedSocket(engine.url, protocol, ADMIN);
    socket.send({ type: protocol.start, id: 'q', payload: { query: '{ sales_orders_aggregate { aggregate { count } } }' } });
    expect(await socket.next(notKeepAlive)).toMatchObject({ type: protocol.data, id: 'q', payload: { data: { sales_orders_aggregate: { aggregate: {} } } } });
    expect(await socket.next(notKeepAlive)).toEqual({ type: 'complete', id: 'q' });
    const orderId = bluepeak.orderIds[1]!;
    socket.send({ type: protocol.start, id: 'm', payload: { query: `mutation { update_sales_orders_by_pk(pk_columns: {id: "${orderId}"}, _set: {carrier: "ws"}) { carrier } }` } });
    expect(await socket.next(notKeepAlive)).toMatchObject({ type: protocol.data, id: 'm', payload: { data: { update_sales_orders_by_pk: { carrier: 'ws' } } } });
    expect(await socket.next(notKeepAlive)).toEqual({ type: 'complete', id: 'm' });
    socket.close();
  });

  test('the admin secret with x-hasura-role and session variables acts as that role', async () => {
    const session = { 'x-hasura-user-id': bluepeak.userId, 'x-hasura-customer-id': bluepeak.customerId, 'x-hasura-tenant-id': bluepeak.tenantId };
    const socket = await initialisedSocket(engine.url, protocol, { ...ADMIN, 'X-Hasura-Role': 'customer_user', ...session });
    socket.send({ type: protocol.start, id: 's', payload: { query: 'subscription { sales_orders(order_by: {id: asc}) { id customer_id } }' } });
    const frame = await socket.next(notKeepAlive);
    const rows = frame.payload.data.sales_orders as Array<{ id: string; customer_id: string }>;
    expect(rows.map((row) => row.id)).toEqual(bluepeak.orderIds);
    socket.close();
  });

  test('a bad or expired token at connection_init fails the connection', async () => {
    for (const token of [userToken().slice(0, -4) + 'AAAA', userToken({ exp: nowSeconds() - 600 })]) {
      const socket = await openSocket(engine.url, protocol.subprotocol);
      socket.send({ type: 'connection_init', payload: { headers: bearer(token) } });
      if (protocol.name === 'apollo') {
        const frame = await socket.next(notKeepAlive);
        expect(frame.type).toBe('connection_error');
        expect(frame.payload).toMatch(/^Could not verify JWT/);
        socket.close();
      } else {
        expect(await socket.closed()).toEqual({ code: 4403, reason: 'Forbidden' });
      }
    }
  });

  test('the socket closes when the JWT expires', async () => {
    const socket = await initialisedSocket(engine.url, protocol, bearer(userToken({ exp: nowSeconds() + 2 })));
    if (protocol.name === 'apollo') {
      expect(await socket.next(notKeepAlive)).toEqual({ type: 'connection_error', payload: 'Could not verify JWT: JWTExpired' });
      expect((await socket.closed()).code).toBe(1000);
    } else {
      expect(await socket.closed()).toEqual({ code: 4400, reason: 'Could not verify JWT: JWTExpired' });
    }
  });

  test('a socket that never sends connection_init is closed with 4408', async () => {
    const socket = await openSocket(engine.url, protocol.subprotocol);
    expect(await socket.closed()).toEqual({ code: 4408, reason: 'Connection initialisation timeout' });
  });

  test('keep-alives follow the ack', async () => {
    const socket = await initialisedSocket(engine.url, protocol, ADMIN);
    const frame = await socket.next();
    expect(frame.type).toBe(protocol.name === 'apollo' ? 'ka' : 'ping');
    socket.close();
  });
});
