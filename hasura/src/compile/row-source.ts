import { EngineError } from '../errors/index.ts';
import type { TableInfo } from '../model/index.ts';
import { selectPermissionFor } from '../schema/index.ts';
import { sql, type SQL } from '../sql/index.ts';
import { compileBoolExp, permissionFilter } from './bool-exp.ts';
import type { CompileContext } from './compile-context.ts';
import { compileOrderBy, type OrderKey } from './order-by.ts';

/** Arguments of a list selection, coerced by graphql-js. */
export interface SelectArguments {
  where?: Record<string, unknown> | null;
  order_by?: unknown;
  distinct_on?: string[] | null;
  limit?: number | null;
  offset?: number | null;
}

export interface RowSource {
  /** `(select … ) as "alias"`, ready for a FROM clause. */
  from: SQL;
  alias: string;
  /** Ordering of the rows, by the `_ob<n>` columns the source exposes. */
  orderBy: SQL;
}

function effectiveLimit(context: CompileContext, table: TableInfo, limit: number | null | undefined): number | null {
  if (limit !== undefined && limit !== null && limit < 0) throw new EngineError('validation-failed', 'unexpected negative value', '$.selectionSet.limit');
  const permissionLimit = selectPermissionFor(table, context.role)?.limit ?? null;
  const candidates = [limit, permissionLimit].filter((n): n is number => typeof n === 'number');
  return candidates.length === 0 ? null : Math.min(...candidates);
}

function distinctKeys(distinctOn: string[], keys: OrderKey[], alias: string): OrderKey[] {
  if (keys.length === 0) return distinctOn.map((column) => ({ expression: sql.ident(alias, column), direction: sql`asc nulls last`, column }));
  const leading = keys.slice(0, distinctOn.length).map((key) => key.column);
  if (!distinctOn.every((column) => leading.includes(column))) {
    throw new EngineError('validation-failed', '"distinct_on" columns must match initial "order_by" columns', '$.selectionSet');
  }
  return keys;
}

/**
 * The rows a selection reads: the role's permission filter, the `where` argument, an optional
 * join to a parent row, ordering, `distinct_on`, and the smaller of the requested and the
 * permitted limit.
 */
export function rowSource(context: CompileContext, table: TableInfo, args: SelectArguments, join: ((alias: string) => SQL) | null): RowSource {
  const alias = context.alias();
  const conditions = [permissionFilter(context, table, alias), compileBoolExp(context, table, alias, args.where, 'graphql')];
  if (join) conditions.push(join(alias));
  let keys = compileOrderBy(context, table, alias, args.order_by);
  const distinctOn = args.distinct_on ?? [];
  if (distinctOn.length > 0) keys = distinctKeys(distinctOn, keys, alias);
  const limit = effectiveLimit(context, table, args.limit);
  if (args.offset !== undefined && args.offset !== null && args.offset < 0) throw new EngineError('validation-failed', 'unexpected negative value', '$.selectionSet.offset');
  const distinct = distinctOn.length > 0 ? sql`distinct on (${sql.join(distinctOn.map((c) => sql.ident(alias, c)), ', ')}) ` : sql.empty;
  const exposed = keys.map((key, i) => sql`, ${key.expression} as ${sql.ident(`_ob${i}`)}`);
  const order = keys.length > 0 ? sql` order by ${sql.join(keys.map((key) => sql`${key.expression} ${key.direction}`), ', ')}` : sql.empty;
  const limitSql = limit !== null ? sql` limit ${sql.value(limit)}` : sql.empty;
  const offsetSql = args.offset ? sql` offset ${sql.value(args.offset)}` : sql.empty;
  const from = sql`(select ${distinct}${sql.ident(alias)}.*${sql.join(exposed, '')} from ${sql.ident(table.schema, table.name)} as ${sql.ident(alias)} where ${sql.join(conditions, ' and ')}${order}${limitSql}${offsetSql}) as ${sql.ident(alias)}`;
  const orderBy = keys.length > 0 ? sql` order by ${sql.join(keys.map((key, i) => sql`${sql.ident(alias, `_ob${i}`)} ${key.direction}`), ', ')}` : sql.empty;
  return { from, alias, orderBy };
}
