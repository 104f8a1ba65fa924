import { EngineError } from '../errors/index.ts';
import type { ColumnInfo } from '../model/index.ts';
import { sql, type SQL } from '../sql/index.ts';
import type { CompileContext } from './compile-context.ts';
import { columnArrayType, columnType } from './typed-values.ts';

/** A string in a permission that starts with `x-hasura-` (any case) names a session variable. */
export function isSessionVariable(value: unknown): value is string {
  return typeof value === 'string' && value.toLowerCase().startsWith('x-hasura-');
}

/** The session variable's raw value; a permission that needs a missing one fails with `not-found`. */
export function lookupSession(context: CompileContext, name: string): string {
  const value = context.session[name.toLowerCase()];
  if (value === undefined) throw new EngineError('not-found', `missing session variable: "${name.toLowerCase()}"`);
  return value;
}

/** The session variable's value bound as a parameter and cast to the column's type. */
export function sessionValue(context: CompileContext, name: string, column: ColumnInfo): SQL {
  return sql`(${sql.value(lookupSession(context, name))})::${columnType(column)}`;
}

/**
 * A list-valued session variable: a Postgres array literal (`{a,b}`), or a JSON array (`["a","b"]`),
 * which Hasura also accepts. Bound as one parameter either way.
 */
export function sessionArrayValue(context: CompileContext, name: string): unknown {
  const raw = lookupSession(context, name);
  if (!raw.trimStart().startsWith('[')) return raw;
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed : raw;
  } catch {
    return raw;
  }
}

/** A list-valued session variable cast to the column's array type. */
export function sessionList(context: CompileContext, name: string, column: ColumnInfo): SQL {
  return sql`(${sql.value(sessionArrayValue(context, name))})::${columnArrayType(column)}`;
}
