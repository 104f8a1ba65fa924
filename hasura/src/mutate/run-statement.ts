import type pg from 'pg';
import { EngineError, fromDatabaseError } from '../errors/index.ts';
import { compileSQL, type SQL } from '../sql/index.ts';
import type { WrittenRow } from './returning.ts';

export async function runStatement<T extends pg.QueryResultRow>(client: pg.ClientBase, statement: SQL): Promise<T[]> {
  const compiled = compileSQL(statement);
  try {
    return (await client.query<T>(compiled.text, compiled.values)).rows;
  } catch (error) {
    throw fromDatabaseError(error);
  }
}

/** Runs an INSERT or UPDATE built to return `row` and `passed`; a failed check aborts the request. */
export async function runCheckedWrite(client: pg.ClientBase, statement: SQL, kind: 'insert' | 'update'): Promise<WrittenRow[]> {
  const rows = await runStatement<{ row: WrittenRow; passed: boolean }>(client, statement);
  if (rows.some((r) => r.passed !== true)) throw new EngineError('permission-error', `check constraint of an ${kind} permission has failed`);
  return rows.map((r) => r.row);
}
