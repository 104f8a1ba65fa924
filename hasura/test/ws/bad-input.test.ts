import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from '../http/server-fixture.ts';
import { ADMIN, startWsServer } from './ws-fixture.ts';
import { initialisedSocket, notKeepAlive, openSocket, PROTOCOLS, type ProtocolCase, type TestSocket } from './ws-client.ts';

let engine: TestServer;

beforeAll(async () => {
  ({ engine } = await startWsServer());
});
afterAll(() => engine?.close());

/** Starts `query` and returns the errors of the `error` frame it must get (Apollo: then `complete`). */
async function errorsOf(socket: TestSocket, protocol: ProtocolCase, id: string, query: string): Promise<unknown[]> {
  socket.send({ type: protocol.start, id, payload: { query } });
  const frame = await socket.next(notKeepAlive);
  expect(frame).toMatchObject({ type: 'error', id });
  if (protocol.name === 'apollo') expect(await socket.next(notKeepAlive)).toEqual({ type: 'complete', id });
  return protocol.name === 'apollo' ? frame.payload.errors : frame.payload;
}

const error = (code: string, message: string, path = '$') => [{ message, extensions: { path, code } }];

describe.each(PROTOCOLS)('$name', (protocol) => {
  test('an unknown field, a second top-level field, a mutation sent as a subscription: Hasura\'s errors, the socket stays usable', async () => {
    const socket = await initialisedSocket(engine.url, protocol, { ...ADMIN, 'x-hasura-role': 'customer_user', 'x-hasura-user-id': '00000000-0000-0000-0000-000000000000', 'x-hasura-customer-id': '00000000-0000-0000-0000-000000000000', 'x-hasura-tenant-id': '00000000-0000-0000-0000-000000000000' });
    expect(await errorsOf(socket, protocol, 'a', 'subscription { no_such_table { id } }')).toEqual(error('validation-failed', "field 'no_such_table' not found in type: 'subscription_root'", '$.selectionSet.no_such_table'));
    expect(await errorsOf(socket, protocol, 'b', 'subscription { a: sales_orders { id } b: quotes { id } }')).toEqual(error('validation-failed', 'subscriptions must select one top level field'));
    expect(await errorsOf(socket, protocol, 'c', 'subscription { insert_sales_orders_one(object: {}) { id } }')).toEqual(
      error('validation-failed', "field 'insert_sales_orders_one' not found in type: 'subscription_root'", '$.selectionSet.insert_sales_orders_one'),
    );
    expect(await errorsOf(socket, protocol, 'd', 'subscription { sales_orders_stream(batch_size: 1, cursor: [{initial_value: {}}]) { id } }')).toEqual(error('validation-failed', 'one streaming column field is expected', '$.selectionSet'));
    expect(await errorsOf(socket, protocol, 'e', 'subscription { sales_orders(')).toHaveLength(1);
    socket.send({ type: protocol.start, id: 'ok', payload: { query: 'subscription { sales_orders { id } }' } });
    expect(await socket.next(notKeepAlive)).toEqual({ type: protocol.data, id: 'ok', payload: { data: { sales_orders: [] } } });
    socket.close();
  });

  test('a session variable the permission needs is missing: not-found', async () => {
    const socket = await initialisedSocket(engine.url, protocol, { ...ADMIN, 'x-hasura-role': 'customer_user' });
    const errors = await errorsOf(socket, protocol, 'x', 'subscription { sales_orders { id } }');
    expect(errors).toEqual(error('not-found', 'missing session variable: "x-hasura-customer-id"'));
    socket.close();
  });

  test('a reused operation id', async () => {
    const socket = await initialisedSocket(engine.url, protocol, ADMIN);
    socket.send({ type: protocol.start, id: 'same', payload: { query: 'subscription { sales_orders(limit: 1) { id } }' } });
    await socket.next((frame) => frame.type === protocol.data);
    socket.send({ type: protocol.start, id: 'same', payload: { query: 'subscription { sales_orders(limit: 1) { id } }' } });
    if (protocol.name === 'apollo') {
      expect(await socket.next(notKeepAlive)).toMatchObject({ type: 'error', id: 'same', payload: { errors: [{ message: 'an operation already exists with this id: same' }] } });
      socket.close();
    } else {
      expect(await socket.closed()).toEqual({ code: 4409, reason: 'Subscriber for same already exists' });
    }
  });

  test('a frame that is not JSON, or not a message of the protocol', async () => {
    for (const text of ['{"type": ', '{"type":"test"}', '{"type":"start"}']) {
      const socket = await initialisedSocket(engine.url, protocol, ADMIN);
      socket.sendRaw(text);
      if (protocol.name === 'apollo') {
        const frame = await socket.next(notKeepAlive);
        expect(frame.type).toBe('connection_error');
        expect(frame.payload).toMatch(/^parsing ClientMessage failed/);
        socket.close();
      } else {
        const closed = await socket.closed();
        expect(closed.code).toBe(4400);
        expect(closed.reason).toMatch(/^parsing ClientMessage failed/);
      }
    }
  });

  test('an operation before connection_init', async () => {
    const socket = await openSocket(engine.url, protocol.subprotocol);
    socket.send({ type: protocol.start, id: '1', payload: { query: '{ __typename }' } });
    if (protocol.name === 'apollo') {
      expect((await socket.next(notKeepAlive)).type).toBe('connection_error');
      socket.close();
    } else {
      expect(await socket.closed()).toEqual({ code: 4401, reason: 'Unauthorized' });
    }
  });

  test('stopping an unknown id is ignored; stopping a live query stops its messages', async () => {
    const socket = await initialisedSocket(engine.url, protocol, ADMIN);
    socket.send({ type: protocol.stop, id: 'unknown' });
    socket.send({ type: protocol.start, id: 'live', payload: { query: 'subscription { sales_orders(limit: 1) { id } }' } });
    expect((await socket.next(notKeepAlive)).id).toBe('live');
    socket.send({ type: protocol.stop, id: 'live' });
    socket.send({ type: protocol.start, id: 'q', payload: { query: '{ __typename }' } });
    expect(await socket.next(notKeepAlive)).toEqual({ type: protocol.data, id: 'q', payload: { data: { __typename: 'query_root' } } });
    socket.close();
  });
});
