import type { ColumnInfo } from '../model/index.ts';
import { sql, type SQL } from '../sql/index.ts';
import type { CompileContext } from './compile-context.ts';
import { columnArrayType, columnType } from './typed-values.ts';

/** A string in a permission that starts with `x-hasura-` (any case) names a session variable. */
export function isSessionVariable(value: unknown): value is string {
  return typeof value === 'string' && value.toLowerCase().startsWith('x-hasura-');
}

/** The session variable as SQL text, from wherever the plan takes its session (see session-source.ts). */
export function sessionText(context: CompileContext, name: string): SQL {
  return context.sessionSource.text(name);
}

/** The session variable's value cast to the column's type. */
export function sessionValue(context: CompileContext, name: string, column: ColumnInfo): SQL {
  return sql`(${sessionText(context, name)})::${columnType(column)}`;
}

/** A list-valued session variable cast to the column's array type. */
export function sessionList(context: CompileContext, name: string, column: ColumnInfo): SQL {
  return sql`(${context.sessionSource.list(name)})::${columnArrayType(column)}`;
}

/** A list-valued session variable as `text[]` (jsonb key operators). */
export function sessionTextList(context: CompileContext, name: string): SQL {
  return sql`(${context.sessionSource.list(name)})::text[]`;
}
