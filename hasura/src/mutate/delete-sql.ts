import type { FieldNode } from 'graphql';
import type { TableInfo } from '../model/index.ts';
import { sql, type SQL } from '../sql/index.ts';
import { compileBoolExp, permissionFilter } from '../compile/bool-exp.ts';
import type { CompileContext } from '../compile/compile-context.ts';
import { rowObject } from '../compile/select.ts';

/**
 * One DELETE of the rows the role's delete filter and `where` select, answering the number of
 * deleted rows and, when asked, the deleted rows as selected (those the role may select).
 */
export function deleteStatement(context: CompileContext, table: TableInfo, filter: Record<string, unknown>, where: Record<string, unknown> | null | undefined, returning: FieldNode[]): SQL {
  const alias = context.alias();
  const deleted = context.alias('d');
  const condition = sql`${compileBoolExp(context, table, alias, filter, 'permission')} and ${compileBoolExp(context, table, alias, where, 'graphql')}`;
  const rows = returning.length > 0
    ? sql`(select coalesce(json_agg(${rowObject(context, table, deleted, returning)}), '[]'::json) from ${sql.ident(deleted)} where ${permissionFilter(context, table, deleted)})`
    : sql`'[]'::json`;
  return sql`with ${sql.ident(deleted)} as (delete from ${sql.ident(table.schema, table.name)} as ${sql.ident(alias)} where ${condition} returning ${sql.ident(alias)}.*)
    select (select count(*) from ${sql.ident(deleted)})::int as affected, ${rows}::text as rows`;
}
