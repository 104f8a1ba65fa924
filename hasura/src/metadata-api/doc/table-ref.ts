import { qualifiedTable, type QualifiedTable, type TableMetadata } from '@portal/hasura-metadata';
import { EngineError } from '../../errors/index.ts';

export type TableRef = Required<QualifiedTable>;

/** A table as the APIs accept it: `"name"` (schema public) or `{schema?, name}`. */
export function parseTableRef(value: unknown, path: string): TableRef {
  if (typeof value === 'string') return { schema: 'public', name: value };
  if (value && typeof value === 'object' && typeof (value as QualifiedTable).name === 'string') {
    const { schema, name } = value as QualifiedTable;
    if (schema !== undefined && typeof schema !== 'string') throw new EngineError('parse-failed', 'expected a string for "schema"', `${path}.schema`);
    return { schema: schema ?? 'public', name };
  }
  throw new EngineError('parse-failed', 'expected a table name or an object with "schema" and "name"', path);
}

export function sameTable(a: TableRef, b: TableRef): boolean {
  return a.schema === b.schema && a.name === b.name;
}

export function refOf(table: TableMetadata): TableRef {
  return qualifiedTable(table.table);
}

/** How Hasura names a table in messages: the bare name in `public`, else `schema.name`. */
export function tableText(ref: TableRef): string {
  return ref.schema === 'public' ? ref.name : `${ref.schema}.${ref.name}`;
}

/** The metadata form Hasura exports: `{name, schema}`. */
export function tableValue(ref: TableRef): QualifiedTable {
  return { name: ref.name, schema: ref.schema };
}
