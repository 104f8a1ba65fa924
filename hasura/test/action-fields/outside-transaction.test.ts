import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { Engine } from '../../src/engine/index.ts';
import { EngineError, graphqlErrorBody } from '../../src/errors/index.ts';
import type { HasuraMetadata } from '@portal/hasura-metadata';
import { demoDatabase } from '../http/server-fixture.ts';

/**
 * Every statement the engine sends through its pool (pool.query goes through connect too), and
 * how many transactions it has open at this moment.
 */
function recordStatements(pool: pg.Pool) {
  const statements: string[] = [];
  let open = 0;
  const wrapped = new WeakSet<pg.PoolClient>();
  const watch = (client: pg.PoolClient) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      const first = args[0] as string | { text: string };
      const text = (typeof first === 'string' ? first : first.text).trim().toLowerCase();
      statements.push(text);
      if (text === 'begin') open += 1;
      if (text === 'commit' || text === 'rollback') open -= 1;
      return query(...args);
    }) as never;
  };
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  pool.connect = ((callback?: (error: Error | undefined, client: pg.PoolClient | undefined, done: unknown) => void) => {
    if (callback) {
      return connect((error: Error | undefined, client: pg.PoolClient | undefined, done: unknown) => {
        if (client) watch(client);
        callback(error, client, done);
      });
    }
    return (connect() as Promise<pg.PoolClient>).then((client) => (watch(client), client));
  }) as never;
  return { statements, openTransactions: () => open };
}

let db: Awaited<ReturnType<typeof demoDatabase>>;
let enginePool: pg.Pool;
let engine: Engine;
let recorder: ReturnType<typeof recordStatements>;
let handler: Server;
/** What the handler answers next. */
let answer: { status: number; body: unknown } = { status: 200, body: { message: 'hi' } };
/** At each handler call: the engine's open transactions, and sessions of its database idle in a transaction. */
const seenByHandler: Array<{ openTransactions: number; idleInTransaction: number }> = [];

async function idleInTransaction(): Promise<number> {
  const result = await db.pool.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid() and state like 'idle in transaction%'`);
  return result.rows[0]!.n;
}

function metadata(url: string): HasuraMetadata {
  return {
    version: 3,
    sources: [{
      name: 'default', kind: 'postgres', tables: [{ table: { schema: 'public', name: 'greetings' } }],
      configuration: { connection_info: { database_url: 'postgres://unused' } },
    }],
    actions: [
      { name: 'greet', definition: { kind: 'synchronous', type: 'mutation', handler: `${url}/greet`, output_type: 'Greeting!', arguments: [{ name: 'name', type: 'String!' }] } },
      { name: 'shout', definition: { type: 'query', handler: `${url}/shout`, output_type: 'Greeting!', arguments: [{ name: 'name', type: 'String!' }] } },
    ],
    custom_types: { objects: [{ name: 'Greeting', fields: [{ name: 'message', type: 'String!' }] }] },
  } as unknown as HasuraMetadata;
}

const admin = { role: 'admin', variables: { 'x-hasura-role': 'admin' } };

async function run(query: string): Promise<any> {
  try {
    return JSON.parse(await engine.execute(admin, { query }));
  } catch (error) {
    if (error instanceof EngineError) return graphqlErrorBody(error);
    throw error;
  }
}

const names = async () => (await db.pool.query<{ name: string }>('select name from public.greetings order by id')).rows.map((row) => row.name);

beforeAll(async () => {
  db = await demoDatabase();
  await db.pool.query('create table public.greetings (id serial primary key, name text not null unique)');
  handler = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      void idleInTransaction().then((idle) => {
        seenByHandler.push({ openTransactions: recorder.openTransactions(), idleInTransaction: idle });
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      });
    });
  });
  await new Promise<void>((resolve) => handler.listen(0, '127.0.0.1', resolve));
  enginePool = new pg.Pool({ connectionString: db.url, max: 2 });
  engine = await Engine.start(metadata(`http://127.0.0.1:${(handler.address() as AddressInfo).port}`), enginePool);
  recorder = recordStatements(enginePool);
});
afterAll(async () => {
  await new Promise<void>((resolve) => handler.close(() => resolve()));
  await enginePool.end();
});
beforeEach(async () => {
  recorder.statements.length = 0;
  seenByHandler.length = 0;
  answer = { status: 200, body: { message: 'hi' } };
  await db.pool.query('truncate public.greetings');
});

describe('action fields run outside the database transaction', () => {
  test('a mutation of action fields only sends nothing to the database, so no BEGIN', async () => {
    expect(await run('mutation { greet(name: "Ada") { message } }')).toEqual({ data: { greet: { message: 'hi' } } });
    expect(recorder.statements).toEqual([]);
    expect(seenByHandler).toEqual([{ openTransactions: 0, idleInTransaction: 0 }]);
  });

  test('a query of action fields only sends nothing to the database either', async () => {
    expect(await run('{ shout(name: "Ada") { message } }')).toEqual({ data: { shout: { message: 'hi' } } });
    expect(recorder.statements).toEqual([]);
  });

  test('mixed with table mutations: each table mutation commits on its own, the handler is called between them', async () => {
    const result = await run(`mutation {
      a: insert_greetings_one(object: {name: "before"}) { name }
      greet(name: "Ada") { message }
      b: insert_greetings_one(object: {name: "after"}) { name }
    }`);
    expect(result).toEqual({ data: { a: { name: 'before' }, greet: { message: 'hi' }, b: { name: 'after' } } });
    expect(seenByHandler).toEqual([{ openTransactions: 0, idleInTransaction: 0 }]);
    expect(recorder.statements.filter((text) => text === 'begin')).toHaveLength(2);
    expect(recorder.statements.filter((text) => text.includes("set_config('hasura.user'"))).toHaveLength(2);
    expect(recorder.openTransactions()).toBe(0);
  });

  test("mixed: a failing action leaves the table mutation before it committed and stops the rest (Hasura's rule)", async () => {
    answer = { status: 400, body: { message: 'no greeting today' } };
    const result = await run(`mutation {
      kept: insert_greetings_one(object: {name: "kept"}) { name }
      greet(name: "Ada") { message }
      never: insert_greetings_one(object: {name: "never"}) { name }
    }`);
    expect(result).toEqual({ errors: [{ message: 'no greeting today', extensions: { path: '$', code: 'unexpected' } }] });
    expect(await names()).toEqual(['kept']);
  });

  test('table mutations only: one transaction, and a failing field rolls back the ones before it', async () => {
    const result = await run(`mutation {
      a: insert_greetings_one(object: {name: "twice"}) { name }
      b: insert_greetings_one(object: {name: "twice"}) { name }
    }`);
    expect(result.errors[0].extensions.code).toBe('constraint-violation');
    expect(recorder.statements.filter((text) => text === 'begin')).toHaveLength(1);
    expect(await names()).toEqual([]);
  });
});
