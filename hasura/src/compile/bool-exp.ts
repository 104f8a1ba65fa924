import { EngineError } from '../errors/index.ts';
import type { BoolExp } from '@portal/hasura-metadata';
import type { ColumnInfo, TableInfo } from '../model/index.ts';
import { selectPermissionFor } from '../schema/index.ts';
import { sql, type SQL } from '../sql/index.ts';
import type { CompileContext } from './compile-context.ts';
import { compileOperator } from './operators.ts';

/**
 * `graphql`: a `where` argument (field names, the target table's permission applies across
 * relationships). `permission`: a filter or check from metadata (column names, session
 * variables, relationships traversed without further permissions, as Hasura does).
 */
export type BoolExpSource = 'graphql' | 'permission';

function and(parts: SQL[]): SQL {
  return parts.length === 0 ? sql.true : sql`(${sql.join(parts, ' and ')})`;
}

function or(parts: SQL[]): SQL {
  return parts.length === 0 ? sql.false : sql`(${sql.join(parts, ' or ')})`;
}

export function columnByField(table: TableInfo, field: string, source: BoolExpSource): ColumnInfo | undefined {
  if (source === 'permission') return table.columns.get(field);
  return [...table.columns.values()].find((column) => column.fieldName === field);
}

/** Joins the relationship's target (aliased) to its parent row. */
export function joinCondition(mapping: Array<[string, string]>, parentAlias: string, childAlias: string): SQL {
  return and(mapping.map(([local, remote]) => sql`(${sql.ident(parentAlias, local)} = ${sql.ident(childAlias, remote)})`));
}

function compileColumn(context: CompileContext, table: TableInfo, alias: string, column: ColumnInfo, value: unknown, source: BoolExpSource): SQL {
  const operators = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { _eq: value };
  const side = {
    context,
    column,
    lhs: sql.ident(alias, column.name),
    fromPermission: source === 'permission',
    sameRowColumn: (name: string) => {
      if (!table.columns.has(name)) throw new EngineError('validation-failed', `no such column exists: "${name}"`);
      return sql.ident(alias, name);
    },
  };
  return and(Object.entries(operators).map(([op, operand]) => compileOperator(side, op, operand)));
}

function compileRelationship(context: CompileContext, table: TableInfo, alias: string, name: string, value: unknown, source: BoolExpSource): SQL {
  const relationship = table.relationships.get(name)!;
  const target = context.model.tables.get(relationship.target)!;
  const inner = context.alias();
  const conditions = [joinCondition(relationship.mapping, alias, inner), compileBoolExp(context, target, inner, value as BoolExp, source)];
  if (source === 'graphql') conditions.push(permissionFilter(context, target, inner));
  return sql`exists (select 1 from ${sql.ident(target.schema, target.name)} as ${sql.ident(inner)} where ${and(conditions)})`;
}

function compileExists(context: CompileContext, value: unknown, source: BoolExpSource): SQL {
  const spec = value as { _table: { schema?: string; name: string } | string; _where?: BoolExp };
  const key = typeof spec._table === 'string' ? `public.${spec._table}` : `${spec._table.schema ?? 'public'}.${spec._table.name}`;
  const target = context.model.tables.get(key);
  if (!target) throw new EngineError('validation-failed', `table "${key}" in _exists is not tracked`);
  const inner = context.alias();
  return sql`exists (select 1 from ${sql.ident(target.schema, target.name)} as ${sql.ident(inner)} where ${compileBoolExp(context, target, inner, spec._where ?? {}, source)})`;
}

/** A boolean expression over the row `alias` of `table`, as SQL. */
export function compileBoolExp(context: CompileContext, table: TableInfo, alias: string, expression: BoolExp | null | undefined, source: BoolExpSource): SQL {
  const parts: SQL[] = [];
  for (const [key, value] of Object.entries(expression ?? {})) {
    if (value === undefined) continue;
    if (key === '_and' || key === '$and') parts.push(and([value].flat().map((e) => compileBoolExp(context, table, alias, e as BoolExp, source))));
    else if (key === '_or' || key === '$or') parts.push(or([value].flat().map((e) => compileBoolExp(context, table, alias, e as BoolExp, source))));
    else if (key === '_not' || key === '$not') parts.push(value === null ? sql.true : sql`(not ${compileBoolExp(context, table, alias, value as BoolExp, source)})`);
    else if (key === '_exists' || key === '$exists') parts.push(compileExists(context, value, source));
    else if (table.relationships.has(key)) parts.push(value === null ? sql.true : compileRelationship(context, table, alias, key, value, source));
    else {
      const column = columnByField(table, key, source);
      if (!column) throw new EngineError('validation-failed', `no such column or relationship: "${key}" in table "${table.key}"`);
      parts.push(compileColumn(context, table, alias, column, value, source));
    }
  }
  return and(parts);
}

/** The role's select filter on a table row; admin's is true. */
export function permissionFilter(context: CompileContext, table: TableInfo, alias: string): SQL {
  const permission = selectPermissionFor(table, context.role);
  if (!permission) throw new EngineError('permission-error', `no select permission on "${table.key}" for role "${context.role}"`);
  return compileBoolExp(context, table, alias, permission.filter, 'permission');
}
