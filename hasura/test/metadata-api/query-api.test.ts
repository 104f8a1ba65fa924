import { beforeAll, describe, expect, it } from 'vitest';
import { apiFixture, type ApiFixture } from './api-fixture.ts';

let api: ApiFixture;

beforeAll(async () => {
  api = await apiFixture();
  await api.sql(`
    create table author (id serial primary key, name text unique, born date);
    create table article (id serial primary key, title text, author_id int references author(id), published boolean not null default false);
    insert into author (name) values ('Ann'), ('Bob');`);
});

describe('run_sql', () => {
  it('answers CommandOk, or TuplesOk with every value as text and nulls kept', async () => {
    expect(await api.sql('create table scratch (x int)')).toEqual({ result_type: 'CommandOk', result: null });
    const body = await api.sql('select 1 as one, null::text as nothing, array[1,2] as list, true as yes');
    expect(body).toEqual({ result_type: 'TuplesOk', result: [['one', 'nothing', 'list', 'yes'], ['1', null, '{1,2}', 't']] });
  });

  it('returns the last statement of several', async () => {
    const body = await api.sql('select 1 as a; select 2 as b');
    expect(body.result).toEqual([['b'], ['2']]);
  });

  it('reports SQL errors as postgres-error with the details in internal', async () => {
    const response = await api.query({ type: 'run_sql', args: { sql: 'select * from nowhere' } });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'postgres-error', error: 'query execution failed', path: '$.args' });
    expect(response.body.internal.error).toMatchObject({ status_code: '42P01', exec_status: 'FatalError' });
  });

  it('runs read_only requests in a read-only transaction', async () => {
    const response = await api.v2({ type: 'run_sql', args: { sql: "insert into author (name) values ('Eve')", read_only: true } });
    expect(response.status).toBe(400);
    expect(response.body.internal.error.status_code).toBe('25006');
  });
});

describe('track_table', () => {
  it('accepts {schema, name}, {table} and a bare name, and serves the table', async () => {
    expect((await api.query({ type: 'track_table', args: { schema: 'public', name: 'author' } })).body).toEqual({ message: 'success' });
    expect((await api.query({ type: 'track_table', args: { table: 'article' } })).status).toBe(200);
    expect((await api.query({ type: 'track_table', args: 'scratch' })).status).toBe(200);
    expect(await api.graphql('{ author(order_by: {id: asc}) { name } }')).toEqual({ data: { author: [{ name: 'Ann' }, { name: 'Bob' }] } });
  });

  it('refuses a tracked table and a missing one with Hasura codes', async () => {
    const again = await api.query({ type: 'track_table', args: { schema: 'public', name: 'author' } });
    expect(again).toMatchObject({ status: 400, body: { code: 'already-tracked' } });
    const missing = await api.query({ type: 'track_table', args: { table: 'ghost' } });
    expect(missing).toMatchObject({ status: 400, body: { code: 'not-exists' } });
  });

  it('untracks, and says already-untracked the second time', async () => {
    expect((await api.query({ type: 'untrack_table', args: { table: 'scratch' } })).status).toBe(200);
    expect((await api.query({ type: 'untrack_table', args: { table: 'scratch' } })).body.code).toBe('already-untracked');
  });
});

describe('bulk', () => {
  it('answers one result per step', async () => {
    const response = await api.query({ type: 'bulk', args: [{ type: 'run_sql', args: { sql: 'select 1 as x' } }, { type: 'export_metadata', args: {} }] });
    expect(response.status).toBe(200);
    expect(response.body[0].result_type).toBe('TuplesOk');
    expect(response.body[1].version).toBe(3);
  });

  it('leaves the metadata unchanged when a step fails, and names the step', async () => {
    const before = api.engine.metadata;
    const response = await api.query({
      type: 'bulk',
      args: [
        { type: 'create_select_permission', args: { table: 'author', role: 'user', permission: { columns: ['name'], filter: {} } } },
        { type: 'track_table', args: { table: 'ghost' } },
      ],
    });
    expect(response).toMatchObject({ status: 400, body: { code: 'not-exists', path: '$.args[1].args' } });
    expect(api.engine.metadata).toBe(before);
  });

  it('names unknown types in a not-supported error', async () => {
    const response = await api.query({ type: 'count', args: { table: 'author' } });
    expect(response).toMatchObject({ status: 400, body: { code: 'not-supported', path: '$.type' } });
    expect(response.body.error).toContain('"count"');
  });
});

describe('insert', () => {
  it('inserts rows with per-row columns and defaults, converting JSON values', async () => {
    const response = await api.query({ type: 'insert', args: { table: 'author', objects: [{ name: 'Cid', born: '1970-01-02' }, { name: 'Dee' }] } });
    expect(response.body).toEqual({ affected_rows: 2 });
    const rows = await api.sql("select name, born from author where name in ('Cid', 'Dee') order by name");
    expect(rows.result).toEqual([['name', 'born'], ['Cid', '1970-01-02'], ['Dee', null]]);
  });

  it('maps constraint errors to constraint-violation', async () => {
    const response = await api.query({ type: 'insert', args: { table: 'author', objects: [{ name: 'Ann' }] } });
    expect(response).toMatchObject({ status: 400, body: { code: 'constraint-violation' } });
  });
});
