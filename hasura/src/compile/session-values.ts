import { EngineError } from '../errors/index.ts';
import type { ColumnInfo } from '../model/index.ts';
import { sql, type SQL } from '../sql/index.ts';
import type { CompileContext } from './compile-context.ts';
import { columnArrayType, columnType } from './typed-values.ts';

/** A string in a permission that starts with `x-hasura-` (any case) names a session variable. */
export function isSessionVariable(value: unknown): value is string {
  return typeof value === 'string' && value.toLowerCase().startsWith('x-hasura-');
}

function lookup(context: CompileContext, name: string): string {
  const value = context.session[name.toLowerCase()];
  if (value === undefined) throw new EngineError('not-found', `missing session variable: "${name.toLowerCase()}"`);
  return value;
}

/** The session variable's value bound as a parameter and cast to the column's type. */
export function sessionValue(context: CompileContext, name: string, column: ColumnInfo): SQL {
  return sql`(${sql.value(lookup(context, name))})::${columnType(column)}`;
}

/** A session variable holding a Postgres array literal (`{a,b}`), cast to the column's array type. */
export function sessionList(context: CompileContext, name: string, column: ColumnInfo): SQL {
  return sql`(${sql.value(lookup(context, name))})::${columnArrayType(column)}`;
}
