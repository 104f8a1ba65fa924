import type { BoolExp, ColumnList, ColumnPresets } from '@portal/hasura-metadata';
import type { TableInfo } from '../model/index.ts';
import { ADMIN_ROLE } from './role-view.ts';

/** A role's insert or update rights on a table, with `*` expanded; delete has only a filter. */
export interface WriteView {
  columns: Set<string>;
  /** Row filter (update, delete) — which existing rows may be changed. */
  filter: BoolExp;
  /** Post-condition on written rows (insert, update). */
  check: BoolExp;
  presets: ColumnPresets;
}

function writableColumns(table: TableInfo, list: ColumnList | undefined): Set<string> {
  const all = [...table.columns.values()].filter((c) => !c.generated).map((c) => c.name);
  return new Set(list === undefined || list === '*' ? all : list.filter((c) => all.includes(c)));
}

/**
 * `backend_only` permissions apply only to requests that use the admin secret and send
 * `x-hasura-use-backend-only-permissions: true`; without it they do not exist.
 */
function usable(permission: { backend_only?: boolean } | undefined, backendOnly: boolean): boolean {
  return permission !== undefined && (!permission.backend_only || backendOnly);
}

export function insertPermissionFor(table: TableInfo, role: string, backendOnly: boolean): WriteView | null {
  if (role === ADMIN_ROLE) return { columns: writableColumns(table, '*'), filter: {}, check: {}, presets: {} };
  const permission = table.insertPermissions.get(role);
  if (!permission || !usable(permission, backendOnly)) return null;
  const presets = permission.set ?? {};
  const columns = writableColumns(table, permission.columns ?? '*');
  for (const preset of Object.keys(presets)) columns.delete(preset);
  return { columns, filter: {}, check: permission.check ?? {}, presets };
}

export function updatePermissionFor(table: TableInfo, role: string, backendOnly: boolean): WriteView | null {
  if (role === ADMIN_ROLE) return { columns: writableColumns(table, '*'), filter: {}, check: {}, presets: {} };
  const permission = table.updatePermissions.get(role);
  if (!permission || !usable(permission, backendOnly)) return null;
  const presets = permission.set ?? {};
  const columns = writableColumns(table, permission.columns);
  for (const preset of Object.keys(presets)) columns.delete(preset);
  return { columns, filter: permission.filter ?? {}, check: permission.check ?? {}, presets };
}

export function deletePermissionFor(table: TableInfo, role: string, backendOnly: boolean): { filter: BoolExp } | null {
  if (role === ADMIN_ROLE) return { filter: {} };
  const permission = table.deletePermissions.get(role);
  if (!permission || !usable(permission, backendOnly)) return null;
  return { filter: permission.filter ?? {} };
}
