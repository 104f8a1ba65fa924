import type { ColumnInfo } from '../model/index.ts';
import { sql, type SQL } from '../sql/index.ts';

/** The column's Postgres type as SQL (`"pg_catalog"."uuid"`), for casts. */
export function columnType(column: ColumnInfo): SQL {
  return sql.ident(column.typeSchema, column.pgType);
}

/** The array type holding the column's values (for `_in`), by Postgres's `_<type>` convention. */
export function columnArrayType(column: ColumnInfo): SQL {
  return column.elementType ? columnType(column) : sql.ident(column.typeSchema, `_${column.pgType}`);
}

function encode(value: unknown, column: ColumnInfo): unknown {
  if (column.pgType === 'json' || column.pgType === 'jsonb') return JSON.stringify(value);
  return value;
}

/** A value from the request bound as a parameter and cast to the column's type. */
export function typedValue(value: unknown, column: ColumnInfo): SQL {
  return sql`(${sql.value(encode(value, column))})::${columnType(column)}`;
}

/** A list of values bound as one array parameter, cast to the column's array type. */
export function typedList(values: unknown[], column: ColumnInfo): SQL {
  return sql`(${sql.value(values.map((v) => encode(v, column)))})::${columnArrayType(column)}`;
}

/** A list of elements of an array column (for `_contains` on arrays). */
export function typedElements(values: unknown[], column: ColumnInfo): SQL {
  return sql`(${sql.value(values)})::${sql.ident('pg_catalog', `_${column.elementType ?? column.pgType}`)}`;
}
