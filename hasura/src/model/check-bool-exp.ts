import type { BoolExp } from '@portal/hasura-metadata';
import type { TableInfo } from './model-types.ts';

/** Logical operators, in both spellings Hasura accepts (`_and` and the legacy `$and`). */
const LOGICAL = new Set(['_and', '_or', '_not', '_exists', '$and', '$or', '$not', '$exists']);

/**
 * Checks that a permission's boolean expression names only columns and relationships that exist,
 * walking relationships into their tables. Returns a reason, or null when it is sound.
 */
export function checkBoolExp(expression: BoolExp, table: TableInfo, tables: Map<string, TableInfo>): string | null {
  for (const [key, value] of Object.entries(expression)) {
    const problem = LOGICAL.has(key) ? checkLogical(key, value, table, tables) : checkField(key, value, table, tables);
    if (problem) return problem;
  }
  return null;
}

function checkLogical(key: string, value: unknown, table: TableInfo, tables: Map<string, TableInfo>): string | null {
  if (key === '_exists' || key === '$exists') {
    const spec = value as { _table?: { schema?: string; name: string } | string; _where?: BoolExp };
    const target = typeof spec._table === 'string' ? `public.${spec._table}` : `${spec._table?.schema ?? 'public'}.${spec._table?.name}`;
    const targetTable = tables.get(target);
    if (!targetTable) return `table "${target}" in _exists is not tracked`;
    return checkBoolExp(spec._where ?? {}, targetTable, tables);
  }
  const items = key === '_not' || key === '$not' ? [value] : [value].flat();
  for (const item of items) {
    const problem = checkBoolExp((item ?? {}) as BoolExp, table, tables);
    if (problem) return problem;
  }
  return null;
}

function checkField(key: string, value: unknown, table: TableInfo, tables: Map<string, TableInfo>): string | null {
  const relationship = table.relationships.get(key);
  if (relationship) return checkBoolExp((value ?? {}) as BoolExp, tables.get(relationship.target)!, tables);
  if (!table.columns.has(key)) return `no such column exists: "${key}" in table "${table.key}"`;
  return null;
}
