import type { FieldNode } from 'graphql';
import { EngineError } from '../errors/index.ts';
import type { ColumnInfo, TableInfo } from '../model/index.ts';
import { sql, type SQL } from '../sql/index.ts';
import { columnByField } from './bool-exp.ts';
import type { CompileContext } from './compile-context.ts';
import { argumentsOf } from './arguments.ts';
import { rowSource } from './row-source.ts';
import { rowObject } from './select.ts';
import { columnType } from './typed-values.ts';

/** A stream's cursor column, the direction it moves in, and where it starts. */
export interface StreamCursor {
  column: ColumnInfo;
  descending: boolean;
  /** The initial value as text, as the cursor is kept between polls. */
  initial: string;
}

interface StreamArguments {
  batch_size: number;
  cursor: Array<{ initial_value: Record<string, unknown>; ordering?: 'ASC' | 'DESC' | null } | null>;
  where?: Record<string, unknown> | null;
}

function cursorOf(table: TableInfo, args: StreamArguments): StreamCursor {
  const entries = args.cursor.filter((entry) => entry !== null);
  const values = entries.flatMap((entry) => Object.entries(entry.initial_value).filter(([, value]) => value !== undefined));
  if (values.length === 0) throw new EngineError('validation-failed', 'one streaming column field is expected', '$.selectionSet');
  if (values.length > 1) throw new EngineError('validation-failed', 'multiple column cursors are not supported yet', '$.selectionSet');
  const [field, value] = values[0]!;
  const column = columnByField(table, field, 'graphql')!;
  const initial = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  return { column, descending: entries[0]!.ordering === 'DESC', initial };
}

/** What a stream root field compiles to: the statement and the cursor it moves. */
export interface CompiledStream {
  /** Returns `data` (the `{<key>: [rows]}` object as JSON text) and `cursor` (the last row's value as text, null when none). */
  statement: SQL;
  cursor: StreamCursor;
}

/**
 * `<t>_stream` as one statement: at most `batch_size` rows the role may see (and `where`
 * matches) strictly after `cursorText` in the cursor's direction, ordered by the cursor column.
 */
export function compileStream(context: CompileContext, key: string, nodes: FieldNode[], cursorText: SQL): CompiledStream {
  const name = nodes[0]!.name.value;
  const target = context.roleSchema.subscriptionFields.get(name);
  const definition = context.roleSchema.schema.getSubscriptionType()?.getFields()[name];
  if (target?.kind !== 'select_stream' || !definition) throw new Error(`compileStream called for ${name}, which is not a stream field`);
  const args = argumentsOf(context, definition, nodes[0]!) as unknown as StreamArguments;
  if (args.batch_size < 0) throw new EngineError('validation-failed', 'unexpected negative value', '$.selectionSet.batch_size');
  const cursor = cursorOf(target.table, args);
  const after = cursor.descending ? sql`<` : sql`>`;
  const past = (alias: string) => sql`${sql.ident(alias, cursor.column.name)} ${after} (${cursorText})::${columnType(cursor.column)}`;
  const order = { [cursor.column.fieldName]: cursor.descending ? 'desc' : 'asc' };
  const source = rowSource(context, target.table, { where: args.where, order_by: order, limit: args.batch_size }, past);
  const last = sql`(array_agg(${sql.ident(source.alias, cursor.column.name)}::text order by ${sql.ident(source.alias, cursor.column.name)} ${cursor.descending ? sql`asc` : sql`desc`}))[1]`;
  const rows = sql`coalesce(json_agg(${rowObject(context, target.table, source.alias, nodes)}${source.orderBy}), '[]'::json)`;
  return { statement: sql`select json_build_object(${sql.literal(key)}, ${rows})::text as data, ${last} as cursor from ${source.from}`, cursor };
}
