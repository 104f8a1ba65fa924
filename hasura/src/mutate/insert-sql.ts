import type { TableInfo } from '../model/index.ts';
import { sql, type SQL } from '../sql/index.ts';
import { compileBoolExp } from '../compile/bool-exp.ts';
import type { CompileContext } from '../compile/compile-context.ts';
import type { WriteView } from '../schema/mutation-permissions.ts';
import { presetValue } from './write-values.ts';

export interface OnConflict {
  constraint: string;
  update_columns: string[];
  where?: Record<string, unknown> | null;
}

export interface InsertPlan {
  table: TableInfo;
  rows: Array<Map<string, SQL>>;
  permission: WriteView;
  onConflict: OnConflict | null;
  /** The role's update permission, needed when on_conflict updates. */
  updatePermission: WriteView | null;
}

function valuesList(columns: string[], rows: Array<Map<string, SQL>>): SQL {
  const tuples = rows.map((row) => sql`(${sql.join(columns.map((c) => row.get(c) ?? sql`default`), ', ')})`);
  return sql`values ${sql.join(tuples, ', ')}`;
}

function conflictClause(context: CompileContext, plan: InsertPlan, alias: string): SQL {
  const onConflict = plan.onConflict;
  if (!onConflict) return sql.empty;
  const target = sql`on conflict on constraint ${sql.ident(onConflict.constraint)}`;
  if (onConflict.update_columns.length === 0) return sql` ${target} do nothing`;
  const update = plan.updatePermission!;
  const sets = onConflict.update_columns.filter((c) => !(c in update.presets)).map((c) => sql`${sql.ident(c)} = excluded.${sql.ident(c)}`);
  for (const [name, value] of Object.entries(update.presets)) sets.push(sql`${sql.ident(name)} = ${presetValue(context, plan.table.columns.get(name)!, value)}`);
  const where = sql`${compileBoolExp(context, plan.table, alias, update.filter, 'permission')} and ${compileBoolExp(context, plan.table, alias, onConflict.where, 'graphql')}`;
  return sql` ${target} do update set ${sql.join(sets, ', ')} where ${where}`;
}

/**
 * One INSERT for rows of one table. It returns each written row as JSON and whether it satisfies
 * the permission's check (for rows an upsert updated, the update permission's check).
 */
export function insertStatement(context: CompileContext, plan: InsertPlan): SQL {
  const alias = context.alias();
  const table = plan.table;
  const columns = [...new Set(plan.rows.flatMap((row) => [...row.keys()]))];
  const target = sql`${sql.ident(table.schema, table.name)} as ${sql.ident(alias)}`;
  const body = columns.length === 0 ? sql`default values` : sql`(${sql.join(columns.map((c) => sql.ident(c)), ', ')}) ${valuesList(columns, plan.rows)}`;
  const insertCheck = compileBoolExp(context, table, alias, plan.permission.check, 'permission');
  const check = plan.onConflict && plan.updatePermission
    ? sql`case when ${sql.ident(alias)}.xmax = 0 then ${insertCheck} else ${compileBoolExp(context, table, alias, plan.updatePermission.check, 'permission')} end`
    : insertCheck;
  return sql`insert into ${target} ${body}${conflictClause(context, plan, alias)} returning row_to_json(${sql.ident(alias)}) as row, ${check} as passed`;
}
