import type { SelectPermissionInfo, TableInfo } from '../model/index.ts';

export const ADMIN_ROLE = 'admin';

/** What a role may select on a table; admin may select everything. Null: nothing. */
export function selectPermissionFor(table: TableInfo, role: string): SelectPermissionInfo | null {
  if (role === ADMIN_ROLE) {
    return { columns: new Set(table.columns.keys()), filter: {}, limit: null, allowAggregations: true, queryRootFields: null, subscriptionRootFields: null };
  }
  return table.selectPermissions.get(role) ?? null;
}

/** The table's columns this role may select, in table order. */
export function visibleColumns(table: TableInfo, permission: SelectPermissionInfo) {
  return [...table.columns.values()].filter((column) => permission.columns.has(column.name));
}
