import type { GraphQLNamedType } from 'graphql';
import type { EngineModel, SelectPermissionInfo, TableInfo } from '../model/index.ts';
import { selectPermissionFor } from './role-view.ts';

/** State shared while building one role's schema: named types are created once and reused. */
export interface BuildContext {
  model: EngineModel;
  role: string;
  /** The request may use `backend_only` permissions (admin secret + the opt-in header). */
  backendOnly: boolean;
  types: Map<string, GraphQLNamedType>;
}

export function named<T extends GraphQLNamedType>(context: BuildContext, name: string, make: () => T): T {
  const existing = context.types.get(name);
  if (existing) return existing as T;
  const created = make();
  context.types.set(name, created);
  return created;
}

export function permissionOf(context: BuildContext, table: TableInfo): SelectPermissionInfo | null {
  return selectPermissionFor(table, context.role);
}

export function tableByKey(context: BuildContext, key: string): TableInfo {
  const table = context.model.tables.get(key);
  if (!table) throw new Error(`table ${key} is not tracked`);
  return table;
}
