import { beforeAll, describe, expect, it } from 'vitest';
import { apiFixture, EMPTY_METADATA, type ApiFixture } from './api-fixture.ts';

let api: ApiFixture;

const ok = async (promise: Promise<{ status: number; body: any }>) => {
  const response = await promise;
  expect(response.body).toEqual({ message: 'success' });
};

beforeAll(async () => {
  api = await apiFixture();
  await api.sql(`
    create table author (id serial primary key, name text);
    create table article (id serial primary key, title text, author_id int references author(id), published boolean not null default false);
    insert into author (name) values ('Ann'), ('Bob');
    insert into article (title, author_id, published) values ('A1', 1, true), ('A2', 1, false), ('B1', 2, true);`);
  await ok(api.metadata({ type: 'pg_track_table', args: { source: 'default', table: { schema: 'public', name: 'author' } } }));
  await ok(api.metadata({ type: 'pg_track_table', args: { table: 'article' } }));
});

describe('relationships and permissions', () => {
  it('creates both kinds of relationship and a role permission that uses one', async () => {
    await ok(api.query({ type: 'create_object_relationship', args: { table: 'article', name: 'author', using: { foreign_key_constraint_on: 'author_id' } } }));
    await ok(api.query({ type: 'create_array_relationship', args: { table: 'author', name: 'articles', using: { foreign_key_constraint_on: { table: 'article', column: 'author_id' } } } }));
    await ok(api.query({ type: 'create_select_permission', args: { table: 'author', role: 'reader', permission: { columns: ['name'], filter: { articles: { published: { _eq: true } } } } } }));
    const body = await api.graphql('{ author(order_by: {name: asc}) { name } }', 'reader');
    expect(body).toEqual({ data: { author: [{ name: 'Ann' }, { name: 'Bob' }] } });
  });

  it('refuses a duplicate relationship and permission with already-exists', async () => {
    const relationship = await api.query({ type: 'create_object_relationship', args: { table: 'article', name: 'author', using: { foreign_key_constraint_on: 'author_id' } } });
    expect(relationship.body.code).toBe('already-exists');
    const permission = await api.metadata({ type: 'pg_create_select_permission', args: { table: 'author', role: 'reader', permission: { columns: [], filter: {} } } });
    expect(permission.body.code).toBe('already-exists');
  });

  it('refuses a permission naming a missing column as invalid-configuration', async () => {
    const response = await api.query({ type: 'create_select_permission', args: { table: 'article', role: 'reader', permission: { columns: ['nope'], filter: {} } } });
    expect(response).toMatchObject({ status: 400, body: { code: 'invalid-configuration' } });
  });

  it('will not drop a relationship a permission uses unless told to cascade', async () => {
    const refused = await api.query({ type: 'drop_relationship', args: { table: 'author', relationship: 'articles' } });
    expect(refused).toMatchObject({ status: 400, body: { code: 'dependency-error' } });
    expect(refused.body.error).toContain('permission author.reader.select');
  });

  it('rolls back run_sql that would leave metadata dangling, and cascades when asked', async () => {
    const refused = await api.query({ type: 'run_sql', args: { sql: 'drop table article' } });
    expect(refused).toMatchObject({ status: 400, body: { code: 'dependency-error' } });
    expect((await api.sql("select to_regclass('article') is not null as present")).result[1]).toEqual(['t']);
    await api.query({ type: 'run_sql', args: { sql: 'drop table article', cascade: true } });
    const tables = api.engine.metadata.sources[0]!.tables as Array<{ table: unknown; array_relationships?: unknown[]; select_permissions?: unknown[] }>;
    expect(tables.map((t) => t.table)).toEqual([{ schema: 'public', name: 'author' }]);
    expect(tables[0]!.array_relationships).toEqual([]);
    expect(tables[0]!.select_permissions).toEqual([]);
  });

  it('follows a table rename made through run_sql', async () => {
    await api.sql('alter table author rename to writer');
    expect((api.engine.metadata.sources[0]!.tables[0] as { table: unknown }).table).toEqual({ name: 'writer', schema: 'public' });
    expect((await api.graphql('{ writer(order_by: {id: asc}) { name } }')).data.writer).toHaveLength(2);
  });

  it('refuses features the engine does not implement as not-supported, naming them', async () => {
    await api.sql('create function writer_shout(w writer) returns text as $$ select upper(w.name) $$ language sql stable');
    const response = await api.query({ type: 'add_computed_field', args: { table: 'writer', name: 'shout', definition: { function: 'writer_shout' } } });
    expect(response).toMatchObject({ status: 400, body: { code: 'not-supported' } });
    expect(response.body.error).toContain('computed fields');
  });
});

describe('metadata calls', () => {
  it('exports, with a resource version for version 2, and refuses a stale one', async () => {
    const exported = await api.metadata({ type: 'export_metadata', version: 2, args: {} });
    expect(exported.body.metadata.version).toBe(3);
    const stale = await api.metadata({ type: 'clear_metadata', resource_version: exported.body.resource_version - 1, args: {} });
    expect(stale).toMatchObject({ status: 409, body: { code: 'conflict' } });
  });

  it('replaces, reports inconsistencies, reloads and clears', async () => {
    const metadata = structuredClone(EMPTY_METADATA);
    metadata.sources[0]!.tables = [{ table: { schema: 'public', name: 'ghost' } }];
    const refused = await api.metadata({ type: 'replace_metadata', args: metadata });
    expect(refused).toMatchObject({ status: 400, body: { code: 'unexpected', error: 'cannot continue due to inconsistent metadata' } });
    const allowed = await api.metadata({ type: 'replace_metadata', version: 2, args: { allow_inconsistent_metadata: true, metadata } });
    expect(allowed.body).toMatchObject({ is_consistent: false, inconsistent_objects: [{ type: 'table' }] });
    expect((await api.metadata({ type: 'get_inconsistent_metadata', args: {} })).body.is_consistent).toBe(false);
    expect((await api.metadata({ type: 'reload_metadata', args: {} })).body).toMatchObject({ is_consistent: false, message: 'success' });
    await ok(api.metadata({ type: 'clear_metadata', args: {} }));
    expect(api.engine.metadata.sources[0]!.tables).toEqual([]);
    expect((await api.metadata({ type: 'reload_metadata', args: {} })).body).toEqual({ is_consistent: true, message: 'success' });
  });

  it('keeps the CLI state in hdb_catalog.hdb_version', async () => {
    await ok(api.metadata({ type: 'set_catalog_state', args: { type: 'cli', state: { migrations: { default: { '1': false } } } } }));
    const state = await api.metadata({ type: 'get_catalog_state', args: {} });
    expect(state.body).toMatchObject({ cli_state: { migrations: { default: { '1': false } } }, console_state: {} });
    expect(typeof state.body.id).toBe('string');
  });

  it('answers only run_sql, insert and bulk on /v2/query', async () => {
    expect((await api.v2({ type: 'run_sql', args: { sql: 'select 1 as x' } })).status).toBe(200);
    expect((await api.v2({ type: 'track_table', args: { table: 'writer' } })).body.code).toBe('not-supported');
  });
});
