import type pg from 'pg';
import { z } from 'zod';
import { compileSQL, sql } from '../../sql/index.ts';
import { EngineError } from '../../errors/index.ts';
import { parseArgs } from '../doc/args.ts';
import { parseTableRef, refOf, type TableRef } from '../doc/table-ref.ts';
import type { Operation } from '../operation.ts';
import { trackedTable } from './tables.ts';

const argsSchema = z.object({
  table: z.unknown(),
  objects: z.array(z.record(z.string(), z.unknown())),
  returning: z.array(z.string()).optional(),
  on_conflict: z.unknown().optional(),
  source: z.string().optional(),
});

/**
 * One row: only the keys the object names are inserted (the others take their defaults), and
 * PostgreSQL converts the JSON values to the column types through `json_populate_record`.
 */
function insertRow(ref: TableRef, row: Record<string, unknown>, returning: string[]) {
  const table = sql.ident(ref.schema, ref.name);
  const columns = Object.keys(row).map((column) => sql.ident(column));
  const back = returning.length > 0 ? sql` returning ${sql.join(returning.map((c) => sql`to_json(${sql.ident(c)})`), ', ')}` : sql.empty;
  if (columns.length === 0) return compileSQL(sql`insert into ${table} default values${back}`);
  const list = sql.join(columns, ', ');
  const record = sql`json_populate_record(null::${table}, ${sql.value(JSON.stringify(row))}::json)`;
  return compileSQL(sql`insert into ${table} (${list}) select ${list} from ${record}${back}`);
}

async function insertAll(client: pg.PoolClient, ref: TableRef, rows: Record<string, unknown>[], returning: string[]) {
  const returned: Record<string, unknown>[] = [];
  await client.query('begin');
  try {
    for (const row of rows) {
      const statement = insertRow(ref, row, returning);
      const result = await client.query({ text: statement.text, values: statement.values, rowMode: 'array' });
      for (const values of result.rows as unknown[][]) returned.push(Object.fromEntries(returning.map((c, i) => [c, values[i]])));
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return returned;
}

function insertError(error: unknown, path: string): EngineError {
  const e = error as { code?: string; message?: string };
  const prefixes: Record<string, string> = { '23505': 'Uniqueness violation. ', '23503': 'Foreign key violation. ', '23502': 'Not-NULL violation. ' };
  if (e.code && prefixes[e.code]) return new EngineError('constraint-violation', `${prefixes[e.code]}${e.message}`, path);
  if (e.code?.startsWith('22')) return new EngineError('data-exception', e.message ?? 'data exception', path);
  return new EngineError('postgres-error', e.message ?? String(error), path);
}

/**
 * The v1 `insert` DML call, as setup files use it: rows into a tracked table as admin, answered
 * with `affected_rows` (and `returning` when asked). `on_conflict` is not implemented.
 */
export const insertRows: Operation = async (args, { change, path }) => {
  const spec = parseArgs(argsSchema, args, `${path}.args`);
  if (spec.on_conflict !== undefined) throw new EngineError('not-supported', 'on_conflict in the v1 insert query is not supported by the development engine', `${path}.args.on_conflict`);
  const source = change.source(spec.source);
  const ref = refOf(trackedTable(source, parseTableRef(spec.table, `${path}.args.table`), `${path}.args.table`));
  const returning = spec.returning ?? [];
  const rows = await insertAll(await change.engine.pool.connect(), ref, spec.objects, returning).catch((error: unknown) => {
    throw error instanceof EngineError ? error : insertError(error, `${path}.args`);
  });
  return returning.length > 0 ? { affected_rows: spec.objects.length, returning: rows } : { affected_rows: spec.objects.length };
};
