import { ensureCatalog, inTransaction } from '@portal/common/postgres';
import type pg from 'pg';
import { appliedVersions, readCliStateForUpdate, withVersion, writeCliState } from './cli-state.ts';
import { readMigrations, type MigrationFile } from './migration-files.ts';
import { MIGRATIONS_DIR } from './migrations-dir.ts';

export interface MigrateOptions {
  /** Defaults to the repository's `migrations/`. */
  migrationsDir?: string;
  source?: string;
}

export interface MigrationStatus {
  version: string;
  name: string;
  applied: boolean;
}

function describeFailure(migration: MigrationFile, direction: 'up' | 'down', error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`migration ${migration.version}_${migration.name} (${direction}) failed: ${message}`, {
    cause: error,
  });
}

/**
 * Applies every pending migration, each in its own transaction together with the record that it
 * was applied, so a failure leaves neither half a migration nor a wrong record.
 * Returns the versions it applied.
 */
export async function migrateUp(client: pg.ClientBase, options: MigrateOptions = {}): Promise<MigrationFile[]> {
  const source = options.source ?? 'default';
  const migrations = readMigrations(options.migrationsDir ?? MIGRATIONS_DIR, source);
  await inTransaction(client, () => ensureCatalog(client));
  const applied: MigrationFile[] = [];
  for (const migration of migrations) {
    const ran = await inTransaction(client, async () => {
      const state = await readCliStateForUpdate(client);
      if (appliedVersions(state, source).has(migration.version)) return false;
      await client.query(migration.up).catch((error: unknown) => {
        throw describeFailure(migration, 'up', error);
      });
      await writeCliState(client, withVersion(state, source, migration.version, true));
      return true;
    });
    if (ran) applied.push(migration);
  }
  return applied;
}

/** Reverts the newest `steps` applied migrations with their down.sql, newest first. */
export async function migrateDown(client: pg.ClientBase, options: MigrateOptions & { steps: number }): Promise<MigrationFile[]> {
  const source = options.source ?? 'default';
  const migrations = readMigrations(options.migrationsDir ?? MIGRATIONS_DIR, source).reverse();
  await inTransaction(client, () => ensureCatalog(client));
  const reverted: MigrationFile[] = [];
  for (const migration of migrations) {
    if (reverted.length >= options.steps) break;
    const ran = await inTransaction(client, async () => {
      const state = await readCliStateForUpdate(client);
      if (!appliedVersions(state, source).has(migration.version)) return false;
      if (migration.down === null) throw new Error(`migration ${migration.version}_${migration.name} has no down.sql`);
      await client.query(migration.down).catch((error: unknown) => {
        throw describeFailure(migration, 'down', error);
      });
      await writeCliState(client, withVersion(state, source, migration.version, false));
      return true;
    });
    if (ran) reverted.push(migration);
  }
  return reverted;
}

/** Every migration on disk with whether this database has it, like `hasura migrate status`. */
export async function migrationStatus(client: pg.ClientBase, options: MigrateOptions = {}): Promise<MigrationStatus[]> {
  const source = options.source ?? 'default';
  await inTransaction(client, () => ensureCatalog(client));
  const state = await inTransaction(client, () => readCliStateForUpdate(client));
  const applied = appliedVersions(state, source);
  return readMigrations(options.migrationsDir ?? MIGRATIONS_DIR, source).map((m) => ({
    version: m.version,
    name: m.name,
    applied: applied.has(m.version),
  }));
}
