import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ENUM_TABLES } from '@portal/common';
import { MIGRATIONS_DIR, migrateDown, migrateUp, migrationStatus, readMigrations } from '../src/index.ts';
import { createTestDatabase } from '@portal/test-support';
import { catalogSnapshot, enumRows } from './catalog-snapshot.ts';

const options = { migrationsDir: MIGRATIONS_DIR };
const allMigrations = readMigrations(MIGRATIONS_DIR);

describe('migrations on an empty database', () => {
  let client: pg.Client;

  beforeAll(async () => {
    const db = await createTestDatabase('template0');
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(() => client.end());

  test('every folder is a Hasura CLI migration with up.sql and down.sql', () => {
    const folders = readdirSync(join(MIGRATIONS_DIR, 'default'));
    expect(folders.length).toBe(allMigrations.length);
    for (const migration of allMigrations) {
      expect(migration.version).toMatch(/^\d{13}$/);
      expect(migration.down, `${migration.version}_${migration.name}/down.sql`).not.toBeNull();
    }
  });

  test('apply in order and record each version in the CLI catalog state', async () => {
    const applied = await migrateUp(client, options);
    expect(applied.map((m) => m.version)).toEqual(allMigrations.map((m) => m.version));
    const state = await client.query('select cli_state from hdb_catalog.hdb_version');
    const recorded = Object.fromEntries(allMigrations.map((m) => [m.version, false]));
    expect(state.rows[0].cli_state).toEqual({ migrations: { default: recorded } });
    expect((await migrationStatus(client, options)).every((m) => m.applied)).toBe(true);
  });

  test('a second run applies nothing', async () => {
    expect(await migrateUp(client, options)).toEqual([]);
  });

  test('down then up again leaves the same schema', async () => {
    const before = await catalogSnapshot(client);
    const reverted = await migrateDown(client, { ...options, steps: allMigrations.length });
    expect(reverted.map((m) => m.version)).toEqual(allMigrations.map((m) => m.version).reverse());
    expect(await catalogSnapshot(client)).toEqual([]);
    expect((await migrationStatus(client, options)).some((m) => m.applied)).toBe(false);
    await migrateUp(client, options);
    expect(await catalogSnapshot(client)).toEqual(before);
  });

  test('each down.sql undoes exactly its up.sql', async () => {
    for (let steps = 1; steps <= allMigrations.length; steps++) {
      const before = await catalogSnapshot(client);
      await migrateDown(client, { ...options, steps });
      await migrateUp(client, options);
      expect(await catalogSnapshot(client), `after reverting ${steps} migration(s)`).toEqual(before);
    }
  });

  test('enum tables hold exactly the values the code knows', async () => {
    const expected = Object.entries(ENUM_TABLES).flatMap(([table, values]) =>
      [...values].sort().map((value) => `${table}:${value}`),
    );
    expect(await enumRows(client, Object.keys(ENUM_TABLES))).toEqual(expected);
  });

  test('a failing migration leaves no trace and no record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    mkdirSync(join(dir, 'scratch', '1000000000001_good'), { recursive: true });
    mkdirSync(join(dir, 'scratch', '1000000000002_broken'), { recursive: true });
    writeFileSync(join(dir, 'scratch', '1000000000001_good', 'up.sql'), 'create table public.scratch_good (id int);');
    writeFileSync(
      join(dir, 'scratch', '1000000000002_broken', 'up.sql'),
      'create table public.scratch_half_done (id int);\nselect 1 / 0;',
    );
    const scratch = { migrationsDir: dir, source: 'scratch' };
    await expect(migrateUp(client, scratch)).rejects.toThrow(/1000000000002_broken \(up\) failed: division by zero/);
    const tables = await client.query("select tablename from pg_tables where tablename like 'scratch_%'");
    expect(tables.rows.map((row) => row.tablename)).toEqual(['scratch_good']);
    expect((await migrationStatus(client, scratch)).map((m) => m.applied)).toEqual([true, false]);
    await client.query('drop table public.scratch_good');
    rmSync(dir, { recursive: true, force: true });
  });
});
