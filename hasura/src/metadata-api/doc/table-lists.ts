import type { TableMetadata } from '@portal/hasura-metadata';

/** The array-valued parts of a table's metadata that the APIs add to and remove from. */
export type TableList =
  | 'object_relationships'
  | 'array_relationships'
  | 'select_permissions'
  | 'insert_permissions'
  | 'update_permissions'
  | 'delete_permissions'
  | 'computed_fields';

type Lists = Partial<Record<TableList, unknown[]>>;

export function getList<T = unknown>(table: TableMetadata, list: TableList): T[] {
  return ((table as Lists)[list] ?? []) as T[];
}

export function setList(table: TableMetadata, list: TableList, items: unknown[]): void {
  (table as Lists)[list] = items;
}
