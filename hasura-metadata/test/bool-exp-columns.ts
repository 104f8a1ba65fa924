import { qualifiedTable } from '../src/index.ts';
import type { Catalog } from './catalog.ts';
import type { ResolvedRelationship } from './relationships.ts';

const LOGICAL = new Set(['_and', '_or']);

/**
 * Problems with the names a boolean expression uses on `table`: every key must be a column
 * (holding operators), a relationship (holding an expression on its target), or a logical
 * operator; `_exists` switches to its `_table`.
 */
export function boolExpProblems(
  catalog: Catalog,
  relationships: ResolvedRelationship[],
  table: string,
  expression: unknown,
  where: string,
): string[] {
  if (typeof expression !== 'object' || expression === null || Array.isArray(expression)) return [`${where}: not an object`];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(expression)) {
    const at = `${where}.${key}`;
    if (LOGICAL.has(key)) {
      if (!Array.isArray(value)) problems.push(`${at}: must be a list`);
      else value.forEach((inner, i) => problems.push(...boolExpProblems(catalog, relationships, table, inner, `${at}[${i}]`)));
    } else if (key === '_not') {
      problems.push(...boolExpProblems(catalog, relationships, table, value, at));
    } else if (key === '_exists') {
      const { _table, _where } = value as { _table: unknown; _where: unknown };
      const target = qualifiedTable(_table as string).name;
      if (!catalog.tables.has(target)) problems.push(`${at}: no table ${target}`);
      else problems.push(...boolExpProblems(catalog, relationships, target, _where, `${at}._where`));
    } else if (catalog.columns.get(table)?.has(key)) {
      const operators = Object.keys(value as object);
      for (const operator of operators.filter((op) => !op.startsWith('_'))) problems.push(`${at}.${operator}: not an operator`);
    } else {
      const relationship = relationships.find((rel) => rel.table === table && rel.name === key);
      if (relationship?.target) problems.push(...boolExpProblems(catalog, relationships, relationship.target, value, at));
      else problems.push(`${at}: ${table} has no column or relationship "${key}"`);
    }
  }
  return problems;
}
