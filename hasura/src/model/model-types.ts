import type { BoolExp, DeletePermission, InsertPermission, UpdatePermission } from '@portal/hasura-metadata';

/** The engine's resolved view of one source: metadata joined with the database catalog. */

export interface ColumnInfo {
  name: string;
  /** Field name in GraphQL (custom_name from column_config, else the column name). */
  fieldName: string;
  /** pg_type.typname; for arrays the array type (`_text`). */
  pgType: string;
  typeSchema: string;
  /** Element typname when the column is an array. */
  elementType: string | null;
  /** GraphQL scalar (or enum) name of the value, of the element for arrays. */
  scalar: string;
  /** Set when the column references an enum table: values are that table's enum. */
  enumTable: string | null;
  isNumeric: boolean;
  nullable: boolean;
  hasDefault: boolean;
  generated: boolean;
  comment: string | null;
}

export interface RelationshipInfo {
  name: string;
  kind: 'object' | 'array';
  /** Key (`schema.name`) of the target table. */
  target: string;
  /** Pairs of (column on this table, column on the target). */
  mapping: Array<[string, string]>;
  /** An object relationship is non-null when its columns are non-null and form a foreign key. */
  nullable: boolean;
  comment: string | null;
}

export type RootFieldKind = 'select' | 'select_by_pk' | 'select_aggregate';

/** What `subscription_root_fields` may list: the query root fields plus the stream. */
export type SubscriptionFieldKind = RootFieldKind | 'select_stream';

export type MutationFieldKind = 'insert' | 'insert_one' | 'update' | 'update_by_pk' | 'update_many' | 'delete' | 'delete_by_pk';

export interface SelectPermissionInfo {
  columns: Set<string>;
  filter: BoolExp;
  limit: number | null;
  allowAggregations: boolean;
  /** Null: every root field. */
  queryRootFields: Set<RootFieldKind> | null;
  /** Null: every subscription root field. */
  subscriptionRootFields: Set<SubscriptionFieldKind> | null;
}

export interface EnumValue {
  value: string;
  comment: string | null;
}

export interface TableInfo {
  key: string;
  schema: string;
  name: string;
  /** `<t>` in Hasura's naming: custom_name, the table name in `public`, else `<schema>_<name>`. */
  baseName: string;
  rootFields: Record<SubscriptionFieldKind | MutationFieldKind, string>;
  comment: string | null;
  columns: Map<string, ColumnInfo>;
  primaryKey: string[] | null;
  /** Primary key and unique constraints: the targets of `on_conflict`. */
  uniqueConstraints: Array<{ name: string; columns: string[] }>;
  relationships: Map<string, RelationshipInfo>;
  enumValues: EnumValue[] | null;
  selectPermissions: Map<string, SelectPermissionInfo>;
  insertPermissions: Map<string, InsertPermission>;
  updatePermissions: Map<string, UpdatePermission>;
  deletePermissions: Map<string, DeletePermission>;
  /** Where this table's metadata came from, for messages. */
  origin: string;
}

export interface Inconsistency {
  type: 'table' | 'action' | 'object_relation' | 'array_relation' | 'select_permission' | 'insert_permission' | 'update_permission' | 'delete_permission';
  name: string;
  reason: string;
  definition: unknown;
}

export interface EngineModel {
  source: string;
  tables: Map<string, TableInfo>;
  /** Every role named by a permission, plus admin. */
  roles: Set<string>;
  inconsistencies: Inconsistency[];
}
