import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Engine } from '../../src/engine/index.ts';
import { EngineError, graphqlErrorBody } from '../../src/errors/index.ts';
import type { HasuraMetadata } from '@portal/hasura-metadata';
import { createTestDatabase } from '@portal/test-support';

interface Received {
  headers: IncomingMessage['headers'];
  body: any;
}

/** What the handler does next: status and JSON body, or a delay longer than the action's timeout. */
let answer: { status: number; body: unknown; delayMs?: number } = { status: 200, body: {} };
const received: Received[] = [];
let handler: Server;

function metadata(url: string): HasuraMetadata {
  return {
    version: 3,
    sources: [{ name: 'default', kind: 'postgres', tables: [], configuration: { connection_info: { database_url: 'postgres://unused' } } }],
    actions: [
      {
        name: 'greet',
        definition: {
          kind: 'synchronous', type: 'mutation', handler: '{{GREETER_URL}}/greet', output_type: 'Greeting!', timeout: 1,
          arguments: [{ name: 'name', type: 'String!' }],
          forward_client_headers: true,
          headers: [{ name: 'x-greeter-secret', value_from_env: 'GREETER_SECRET' }, { name: 'x-fixed', value: 'fixed' }],
        },
        permissions: [{ role: 'user' }],
      },
      { name: 'secretGreet', definition: { type: 'query', handler: `${url}/secret`, output_type: 'Greeting' }, permissions: [] },
    ],
    custom_types: { objects: [{ name: 'Greeting', fields: [{ name: 'message', type: 'String!' }, { name: 'count', type: 'Int' }] }] },
  } as unknown as HasuraMetadata;
}

let engine: Engine;
const session = { role: 'user', variables: { 'x-hasura-role': 'user', 'x-hasura-user-id': '42' } };
const GREET = 'mutation Greet($n: String!) { hello: greet(name: $n) { message __typename } }';

async function run(query: string, variables: Record<string, unknown> = { n: 'Ada' }, as = session): Promise<any> {
  try {
    return JSON.parse(await engine.execute(as, { query, variables }, { authorization: 'Bearer t', 'user-agent': 'tests', 'x-hasura-role': 'user', host: 'portal' }));
  } catch (error) {
    if (error instanceof EngineError) return graphqlErrorBody(error);
    throw error;
  }
}

beforeAll(async () => {
  handler = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(data) });
      setTimeout(() => res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body)), answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => handler.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(handler.address() as AddressInfo).port}`;
  const db = await createTestDatabase();
  engine = await Engine.start(metadata(url), db.pool, { GREETER_URL: url, GREETER_SECRET: 's3cret' });
});
afterAll(() => new Promise<void>((resolve) => handler.close(() => resolve())));

describe('synchronous actions, as Hasura calls and answers them', () => {
  test("the handler gets Hasura's payload and headers, and its answer is shaped by the selection", async () => {
    answer = { status: 200, body: { message: 'Hello, Ada', count: 1 } };
    expect(await run(GREET)).toEqual({ data: { hello: { message: 'Hello, Ada', __typename: 'Greeting' } } });
    const call = received.at(-1)!;
    expect(call.body).toEqual({
      action: { name: 'greet' },
      input: { name: 'Ada' },
      session_variables: { 'x-hasura-role': 'user', 'x-hasura-user-id': '42' },
      request_query: GREET,
    });
    expect(call.headers).toMatchObject({ 'content-type': 'application/json', 'x-greeter-secret': 's3cret', 'x-fixed': 'fixed', authorization: 'Bearer t', 'x-forwarded-host': 'portal', 'x-forwarded-user-agent': 'tests' });
    expect(call.headers['x-hasura-role']).toBeUndefined();
  });

  test('a 4xx answer with message and extensions becomes that GraphQL error', async () => {
    answer = { status: 400, body: { message: 'name is taken', extensions: { code: 'NAME_TAKEN', field: 'name' } } };
    expect(await run(GREET)).toEqual({ errors: [{ message: 'name is taken', extensions: { code: 'NAME_TAKEN', field: 'name' } }] });
  });

  test('a 4xx answer with only a message gets code unexpected', async () => {
    answer = { status: 422, body: { message: 'no' } };
    expect(await run(GREET)).toEqual({ errors: [{ message: 'no', extensions: { path: '$', code: 'unexpected' } }] });
  });

  test('a 5xx answer is an internal error', async () => {
    answer = { status: 503, body: { message: 'down' } };
    expect((await run(GREET)).errors[0]).toMatchObject({ message: 'internal error', extensions: { code: 'unexpected' } });
  });

  test('fields the output type does not have are refused', async () => {
    answer = { status: 200, body: { message: 'hi', extra: true } };
    expect((await run(GREET)).errors[0].message).toBe('unexpected fields in webhook response: extra');
  });

  test('a handler slower than the timeout gives the webhook error', async () => {
    answer = { status: 200, body: { message: 'late' }, delayMs: 1500 };
    expect((await run(GREET)).errors[0]).toMatchObject({ message: 'http exception when calling webhook', extensions: { code: 'unexpected' } });
  });

  test('a role without permission neither sees nor calls the action', async () => {
    const calls = received.length;
    const result = await run('{ secretGreet { message } }', {});
    expect(result.errors[0]).toMatchObject({ message: "field 'secretGreet' not found in type: 'query_root'", extensions: { code: 'validation-failed' } });
    expect(received.length).toBe(calls);
  });
});
