import type { BoolExp, ColumnList, PermissionEntry, TableMetadata } from '@portal/hasura-metadata';
import { checkBoolExp } from './check-bool-exp.ts';
import type { Inconsistency, RootFieldKind, SubscriptionFieldKind, SelectPermissionInfo, TableInfo } from './model-types.ts';

function columnsOf(list: ColumnList | undefined, table: TableInfo): string[] {
  if (list === undefined || list === '*') return [...table.columns.keys()];
  const missing = list.filter((column) => !table.columns.has(column));
  if (missing.length > 0) throw new Error(`no such column exists: ${missing.map((c) => `"${c}"`).join(', ')}`);
  return list;
}

function checkExpression(expression: BoolExp | null | undefined, table: TableInfo, tables: Map<string, TableInfo>): void {
  const problem = checkBoolExp(expression ?? {}, table, tables);
  if (problem) throw new Error(problem);
}

function selectPermission(entry: PermissionEntry<NonNullable<TableMetadata['select_permissions']>[number]['permission']>, table: TableInfo, tables: Map<string, TableInfo>): SelectPermissionInfo {
  const permission = entry.permission;
  checkExpression(permission.filter, table, tables);
  return {
    columns: new Set(columnsOf(permission.columns, table)),
    filter: permission.filter ?? {},
    limit: permission.limit ?? null,
    allowAggregations: permission.allow_aggregations ?? false,
    queryRootFields: permission.query_root_fields ? new Set<RootFieldKind>(permission.query_root_fields) : null,
    subscriptionRootFields: permission.subscription_root_fields ? new Set<SubscriptionFieldKind>(permission.subscription_root_fields) : null,
  };
}

/**
 * Attaches each role's permissions to the table. A permission that names a missing column or
 * relationship is dropped and reported, as Hasura marks it inconsistent.
 */
export function resolvePermissions(
  table: TableInfo,
  definition: TableMetadata,
  tables: Map<string, TableInfo>,
  roles: Set<string>,
  problems: Inconsistency[],
): void {
  const attempt = (type: Inconsistency['type'], entry: PermissionEntry<unknown>, apply: () => void) => {
    try {
      apply();
      roles.add(entry.role);
    } catch (error) {
      problems.push({
        type,
        name: `${type.replace('_permission', '')} permission for role ${entry.role} on table ${table.key}`,
        reason: `Inconsistent object: in table "${table.key}": in permission for role "${entry.role}": ${(error as Error).message}`,
        definition: entry,
      });
    }
  };
  for (const entry of definition.select_permissions ?? []) {
    attempt('select_permission', entry, () => table.selectPermissions.set(entry.role, selectPermission(entry, table, tables)));
  }
  for (const entry of definition.insert_permissions ?? []) {
    attempt('insert_permission', entry, () => {
      checkExpression(entry.permission.check, table, tables);
      columnsOf(entry.permission.columns, table);
      table.insertPermissions.set(entry.role, entry.permission);
    });
  }
  for (const entry of definition.update_permissions ?? []) {
    attempt('update_permission', entry, () => {
      checkExpression(entry.permission.filter, table, tables);
      checkExpression(entry.permission.check, table, tables);
      columnsOf(entry.permission.columns, table);
      table.updatePermissions.set(entry.role, entry.permission);
    });
  }
  for (const entry of definition.delete_permissions ?? []) {
    attempt('delete_permission', entry, () => {
      checkExpression(entry.permission.filter, table, tables);
      table.deletePermissions.set(entry.role, entry.permission);
    });
  }
}
