import { EngineError } from '../errors/index.ts';
import type { ColumnInfo, TableInfo } from '../model/index.ts';
import { sql, type SQL } from '../sql/index.ts';
import { columnByField, compileBoolExp } from '../compile/bool-exp.ts';
import type { CompileContext } from '../compile/compile-context.ts';
import { typedValue } from '../compile/typed-values.ts';
import type { WriteView } from '../schema/mutation-permissions.ts';
import { presetValue } from './write-values.ts';

/** Update operator arguments as the client sent them (`_set`, `_inc`, jsonb operators). */
export type UpdateOperators = Partial<Record<'_set' | '_inc' | '_append' | '_prepend' | '_delete_key' | '_delete_elem' | '_delete_at_path', Record<string, unknown> | null>>;

const UPDATE_OPERATORS = new Set(['_set', '_inc', '_append', '_prepend', '_delete_key', '_delete_elem', '_delete_at_path']);

function assignment(current: SQL, column: ColumnInfo, op: string, value: unknown): SQL {
  switch (op) {
    case '_set': return typedValue(value, column);
    case '_inc': return sql`${current} + ${typedValue(value, column)}`;
    case '_append': return sql`${current} || ${typedValue(value, column)}`;
    case '_prepend': return sql`${typedValue(value, column)} || ${current}`;
    case '_delete_key': return sql`${current} - (${sql.value(value)})::text`;
    case '_delete_elem': return sql`${current} - (${sql.value(value)})::integer`;
    case '_delete_at_path': return sql`${current} #- (${sql.value(value)})::text[]`;
    default: throw new EngineError('validation-failed', `unexpected update operator ${op}`);
  }
}

function assignments(context: CompileContext, table: TableInfo, alias: string, operators: UpdateOperators, permission: WriteView): SQL[] {
  const sets = new Map<string, SQL>();
  for (const [op, columns] of Object.entries(operators)) {
    if (!UPDATE_OPERATORS.has(op)) continue;
    for (const [field, value] of Object.entries(columns ?? {})) {
      const column = columnByField(table, field, 'graphql')!;
      if (sets.has(column.name)) throw new EngineError('validation-failed', `column found in multiple operators; "${column.name}" in ${op}`);
      sets.set(column.name, assignment(sql.ident(alias, column.name), column, op, value));
    }
  }
  for (const [name, value] of Object.entries(permission.presets)) sets.set(name, presetValue(context, table.columns.get(name)!, value));
  return [...sets].map(([name, value]) => sql`${sql.ident(name)} = ${value}`);
}

/**
 * One UPDATE of the rows the role's update filter and `where` select. Returns each updated row
 * as JSON with whether it satisfies the permission's check. Null when nothing is to be set.
 */
export function updateStatement(context: CompileContext, table: TableInfo, where: Record<string, unknown> | null | undefined, operators: UpdateOperators, permission: WriteView): SQL | null {
  const alias = context.alias();
  const sets = assignments(context, table, alias, operators, permission);
  if (sets.length === 0) return null;
  const filter = sql`${compileBoolExp(context, table, alias, permission.filter, 'permission')} and ${compileBoolExp(context, table, alias, where, 'graphql')}`;
  const check = compileBoolExp(context, table, alias, permission.check, 'permission');
  return sql`update ${sql.ident(table.schema, table.name)} as ${sql.ident(alias)} set ${sql.join(sets, ', ')} where ${filter} returning row_to_json(${sql.ident(alias)}) as row, ${check} as passed`;
}
