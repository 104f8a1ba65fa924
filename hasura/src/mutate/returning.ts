import type { FieldNode } from 'graphql';
import type pg from 'pg';
import type { TableInfo } from '../model/index.ts';
import { compileSQL, sql, type SQL } from '../sql/index.ts';
import type { CompileContext } from '../compile/compile-context.ts';
import { rowObject } from '../compile/select.ts';
import { columnArrayType } from '../compile/typed-values.ts';

export type WrittenRow = Record<string, unknown>;

/**
 * The written rows as the client selected them, read back after all of the request's writes (so
 * nested inserts are visible), in write order. As in Hasura, a row the role wrote is returned even
 * when its select filter would hide it; the columns and relationships stay those it may select.
 */
export async function selectWrittenRows(client: pg.ClientBase, context: CompileContext, table: TableInfo, rows: WrittenRow[], nodes: FieldNode[]): Promise<unknown[]> {
  if (rows.length === 0 || nodes.length === 0) return [];
  const pk = table.primaryKey ?? [];
  if (pk.length === 0) return selectReturnedRows(client, context, table, rows, nodes);
  const alias = context.alias();
  const keys = context.alias('k');
  const arrays = pk.map((name) => sql`(${sql.value(rows.map((row) => row[name]))})::${columnArrayType(table.columns.get(name)!)}`);
  const keyColumns = sql.join([...pk, 'ord'].map((c) => sql.ident(c)), ', ');
  const join = sql.join(pk.map((name) => sql`${sql.ident(alias, name)} = ${sql.ident(keys, name)}`), ' and ');
  const statement: SQL = sql`select coalesce(json_agg(${rowObject(context, table, alias, nodes)} order by ${sql.ident(keys, 'ord')}), '[]'::json)::text as rows
    from unnest(${sql.join(arrays, ', ')}) with ordinality as ${sql.ident(keys)}(${keyColumns})
    join ${sql.ident(table.schema, table.name)} as ${sql.ident(alias)} on ${join}`;
  const compiled = compileSQL(statement);
  const result = await client.query<{ rows: string }>(compiled.text, compiled.values);
  return JSON.parse(result.rows[0]!.rows) as unknown[];
}

/**
 * A table without a primary key cannot be read back by key: the rows are taken as RETURNING gave
 * them (their relationships are still read at this point of the transaction).
 */
async function selectReturnedRows(client: pg.ClientBase, context: CompileContext, table: TableInfo, rows: WrittenRow[], nodes: FieldNode[]): Promise<unknown[]> {
  const alias = context.alias();
  const recordset = sql`json_populate_recordset(null::${sql.ident(table.schema, table.name)}, (${sql.value(JSON.stringify(rows))})::json) with ordinality as ${sql.ident(alias)}`;
  const statement = sql`select coalesce(json_agg(${rowObject(context, table, alias, nodes)} order by ${sql.ident(alias, 'ordinality')}), '[]'::json)::text as rows from ${recordset}`;
  const compiled = compileSQL(statement);
  const result = await client.query<{ rows: string }>(compiled.text, compiled.values);
  return JSON.parse(result.rows[0]!.rows) as unknown[];
}
