import type pg from 'pg';
import { quoteIdentifier } from '@portal/common/postgres';
import { TABLES, type RowFor, type TableName } from './tables.ts';

/** Rows per statement: large enough to be set-based, small enough to keep parameters modest. */
export const BATCH_SIZE = 5_000;

function sqlValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
}

function insertStatement(table: TableName, into: string): { sql: string; columns: string[] } {
  const spec = TABLES[table] as Readonly<Record<string, string>>;
  const columns = Object.keys(spec);
  const arrays = columns.map((column, i) => `$${i + 1}::${spec[column]!.replace('?', '')}[]`);
  const names = columns.map(quoteIdentifier).join(', ');
  const sql = `insert into ${into} (${names}) select * from unnest(${arrays.join(', ')})`;
  return { sql, columns };
}

/**
 * Inserts rows with one `insert … select * from unnest($1::uuid[], …)` per batch: every value is a
 * bound parameter (one array per column), never spliced into the SQL text. `intoTempTable` sends
 * the rows to a temporary table of that name with the same columns instead.
 */
export async function insertRows<T extends TableName>(
  client: pg.ClientBase,
  table: T,
  rows: readonly RowFor<T>[],
  intoTempTable?: string,
): Promise<number> {
  const into = intoTempTable ? `pg_temp.${quoteIdentifier(intoTempTable)}` : `public.${quoteIdentifier(table)}`;
  const { sql, columns } = insertStatement(table, into);
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const batch = rows.slice(start, start + BATCH_SIZE) as readonly Record<string, unknown>[];
    const params = columns.map((column) => batch.map((row) => sqlValue(row[column])));
    await client.query(sql, params);
  }
  return rows.length;
}
