/** Tables in Hasura v2 metadata: relationships and permissions (see metadata-types.ts). */

/** A boolean expression (`filter`, `check`, `_where`): operators, `_and`/`_or`/`_not`/`_exists`, relationships. */
export type BoolExp = { [key: string]: unknown };

export interface QualifiedTable {
  name: string;
  schema?: string;
}

export interface TableMetadata {
  table: QualifiedTable | string;
  is_enum?: boolean;
  configuration?: TableConfiguration;
  object_relationships?: ObjectRelationship[];
  array_relationships?: ArrayRelationship[];
  computed_fields?: unknown[];
  remote_relationships?: unknown[];
  insert_permissions?: PermissionEntry<InsertPermission>[];
  select_permissions?: PermissionEntry<SelectPermission>[];
  update_permissions?: PermissionEntry<UpdatePermission>[];
  delete_permissions?: PermissionEntry<DeletePermission>[];
  event_triggers?: unknown[];
  apollo_federation_config?: unknown;
}

export interface TableConfiguration {
  custom_name?: string;
  custom_root_fields?: Record<string, string | { name?: string | null; comment?: string | null } | null>;
  column_config?: Record<string, { custom_name?: string; comment?: string }>;
  custom_column_names?: Record<string, string>;
  comment?: string | null;
}

export interface ManualRelationship {
  remote_table: QualifiedTable | string;
  column_mapping: Record<string, string>;
  insertion_order?: 'before_parent' | 'after_parent' | null;
}

/** A foreign key on the other table, pointing at this one. */
export type RemoteForeignKey =
  | { table: QualifiedTable | string; column: string }
  | { table: QualifiedTable | string; columns: string[] };

export interface ObjectRelationship {
  name: string;
  comment?: string;
  using:
    | { foreign_key_constraint_on: string | string[] | RemoteForeignKey }
    | { manual_configuration: ManualRelationship };
}

export interface ArrayRelationship {
  name: string;
  comment?: string;
  using: { foreign_key_constraint_on: RemoteForeignKey } | { manual_configuration: ManualRelationship };
}

export interface PermissionEntry<P> {
  role: string;
  permission: P;
  comment?: string | null;
}

/** `"*"` or an explicit list; the portal's metadata always lists columns. */
export type ColumnList = '*' | string[];

/** Column presets: a constant, or a session variable name such as `X-Hasura-User-Id`. */
export type ColumnPresets = Record<string, unknown>;

export interface SelectPermission {
  columns: ColumnList;
  computed_fields?: string[];
  filter: BoolExp;
  limit?: number;
  allow_aggregations?: boolean;
  query_root_fields?: ('select' | 'select_by_pk' | 'select_aggregate')[] | null;
  subscription_root_fields?: ('select' | 'select_by_pk' | 'select_aggregate' | 'select_stream')[] | null;
}

export interface InsertPermission {
  check: BoolExp;
  set?: ColumnPresets;
  columns?: ColumnList;
  backend_only?: boolean;
}

export interface UpdatePermission {
  columns: ColumnList;
  filter: BoolExp;
  check?: BoolExp | null;
  set?: ColumnPresets;
  backend_only?: boolean;
}

export interface DeletePermission {
  filter: BoolExp;
  backend_only?: boolean;
}

/** A table reference in its `{name, schema}` form; metadata may write a bare name for `public`. */
export function qualifiedTable(table: QualifiedTable | string): Required<QualifiedTable> {
  return typeof table === 'string' ? { name: table, schema: 'public' } : { name: table.name, schema: table.schema ?? 'public' };
}
