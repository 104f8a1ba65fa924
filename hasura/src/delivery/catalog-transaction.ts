import type pg from 'pg';
import { compileSQL, type SQL } from '../sql/index.ts';

/** Arbitrary constant: the advisory lock that serialises catalog changes of engines sharing a database. */
const CATALOG_LOCK_KEY = '7401020017';

/**
 * Runs `work` in one transaction holding the eventing catalog lock, so engines starting together
 * neither race on `create … if not exists` nor interleave their trigger changes.
 */
export async function withCatalogTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1::bigint)', [CATALOG_LOCK_KEY]);
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Runs one statement built with the `sql` template. */
export async function run<T extends pg.QueryResultRow = pg.QueryResultRow>(client: pg.ClientBase | pg.Pool, statement: SQL): Promise<T[]> {
  const compiled = compileSQL(statement);
  return (await client.query<T>(compiled.text, compiled.values)).rows;
}
