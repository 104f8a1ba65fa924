import { tableKey, type Catalog, type CatalogColumn, type CatalogTable } from '../catalog/index.ts';
import { qualifiedTable, type PostgresSourceMetadata, type TableMetadata } from '@portal/hasura-metadata';
import type { ColumnInfo, EngineModel, Inconsistency, MutationFieldKind, SubscriptionFieldKind, TableInfo } from './model-types.ts';
import { resolveRelationship } from './resolve-relationship.ts';
import { resolvePermissions } from './resolve-permissions.ts';
import { isNumericType, scalarNameFor } from './scalar-names.ts';
import { checkSourceSupport, checkTableSupport } from './unsupported.ts';

function customRootField(table: TableMetadata, kind: SubscriptionFieldKind | MutationFieldKind): string | null {
  const value = table.configuration?.custom_root_fields?.[kind];
  if (typeof value === 'string') return value;
  return value?.name ?? null;
}

const ROOT_FIELD_PATTERNS: Record<SubscriptionFieldKind | MutationFieldKind, (base: string) => string> = {
  select: (base) => base,
  select_by_pk: (base) => `${base}_by_pk`,
  select_aggregate: (base) => `${base}_aggregate`,
  select_stream: (base) => `${base}_stream`,
  insert: (base) => `insert_${base}`,
  insert_one: (base) => `insert_${base}_one`,
  update: (base) => `update_${base}`,
  update_by_pk: (base) => `update_${base}_by_pk`,
  update_many: (base) => `update_${base}_many`,
  delete: (base) => `delete_${base}`,
  delete_by_pk: (base) => `delete_${base}_by_pk`,
};

/** Hasura's root field names for a table, with `custom_root_fields` overrides. */
function rootFieldNames(table: TableMetadata, baseName: string): TableInfo['rootFields'] {
  const entries = Object.entries(ROOT_FIELD_PATTERNS).map(([kind, pattern]) => [
    kind,
    customRootField(table, kind as SubscriptionFieldKind | MutationFieldKind) ?? pattern(baseName),
  ]);
  return Object.fromEntries(entries) as TableInfo['rootFields'];
}

function columnInfo(column: CatalogColumn, table: TableMetadata): ColumnInfo {
  const custom = table.configuration?.column_config?.[column.name]?.custom_name ?? table.configuration?.custom_column_names?.[column.name];
  const isArray = column.category === 'A' && column.elementType !== null;
  const valueType = isArray ? column.elementType! : column.type;
  return {
    name: column.name,
    fieldName: custom ?? column.name,
    pgType: column.type,
    typeSchema: column.typeSchema,
    elementType: isArray ? column.elementType : null,
    scalar: scalarNameFor(valueType),
    enumTable: null,
    isNumeric: !isArray && isNumericType(column.type),
    nullable: column.nullable,
    hasDefault: column.hasDefault,
    generated: column.generated,
    comment: column.comment,
  };
}

function baseTableInfo(table: TableMetadata, catalogTable: CatalogTable, origin: string): TableInfo {
  const { schema, name } = qualifiedTable(table.table);
  const baseName = table.configuration?.custom_name ?? (schema === 'public' ? name : `${schema}_${name}`);
  return {
    key: tableKey(schema, name),
    schema,
    name,
    baseName,
    rootFields: rootFieldNames(table, baseName),
    comment: table.configuration?.comment ?? catalogTable.comment,
    columns: new Map(catalogTable.columns.map((column) => [column.name, columnInfo(column, table)])),
    primaryKey: catalogTable.primaryKey?.columns ?? null,
    uniqueConstraints: [...(catalogTable.primaryKey ? [catalogTable.primaryKey] : []), ...catalogTable.uniqueConstraints],
    relationships: new Map(),
    enumValues: table.is_enum ? [] : null,
    selectPermissions: new Map(),
    insertPermissions: new Map(),
    updatePermissions: new Map(),
    deletePermissions: new Map(),
    origin,
  };
}

function addRelationships(info: TableInfo, table: TableMetadata, catalog: Catalog, tracked: Set<string>, problems: Inconsistency[]): void {
  const catalogTable = catalog.get(info.key)!;
  const definitions = [
    ...(table.object_relationships ?? []).map((d) => ['object', d] as const),
    ...(table.array_relationships ?? []).map((d) => ['array', d] as const),
  ];
  for (const [kind, definition] of definitions) {
    try {
      const relationship = resolveRelationship(catalogTable, kind, definition, (key) => catalog.get(key));
      if (!tracked.has(relationship.target)) throw new Error(`table "${relationship.target}" is not tracked`);
      if (info.columns.has(relationship.name)) throw new Error(`relationship name "${relationship.name}" conflicts with a column`);
      info.relationships.set(definition.name, relationship);
    } catch (error) {
      problems.push({
        type: kind === 'object' ? 'object_relation' : 'array_relation',
        name: `${definition.name} in table ${info.key}`,
        reason: `Inconsistent object: in table "${info.key}": in relationship "${definition.name}": ${(error as Error).message}`,
        definition,
      });
    }
  }
}

/** Columns that reference an enum table by a single-column foreign key take that enum's type. */
function linkEnumColumns(tables: Map<string, TableInfo>, catalog: Catalog): void {
  for (const info of tables.values()) {
    for (const fk of catalog.get(info.key)!.foreignKeys) {
      const target = tables.get(tableKey(fk.refSchema, fk.refTable));
      if (fk.columns.length !== 1 || !target?.enumValues) continue;
      const column = info.columns.get(fk.columns[0]!)!;
      column.enumTable = target.key;
      column.scalar = `${target.baseName}_enum`;
    }
  }
}

/**
 * Joins a Postgres source's metadata with the database catalog. Objects that do not match the
 * database are left out and reported as inconsistencies, as Hasura does; features the engine
 * does not implement throw.
 */
export function buildModel(source: PostgresSourceMetadata, catalog: Catalog): EngineModel {
  checkSourceSupport(source);
  const problems: Inconsistency[] = [];
  const tables = new Map<string, TableInfo>();
  const definitions = new Map<string, TableMetadata>();
  for (const table of source.tables) {
    const { schema, name } = qualifiedTable(table.table);
    const origin = `databases/${source.name}/tables/${schema}_${name}.yaml`;
    checkTableSupport(table, origin);
    const catalogTable = catalog.get(tableKey(schema, name));
    if (!catalogTable) {
      problems.push({ type: 'table', name: `${schema}.${name}`, reason: `Inconsistent object: no such table/view exists in source: "${schema}.${name}"`, definition: table.table });
      continue;
    }
    tables.set(tableKey(schema, name), baseTableInfo(table, catalogTable, origin));
    definitions.set(tableKey(schema, name), table);
  }
  const tracked = new Set(tables.keys());
  for (const [key, info] of tables) addRelationships(info, definitions.get(key)!, catalog, tracked, problems);
  linkEnumColumns(tables, catalog);
  const roles = new Set<string>(['admin']);
  for (const [key, info] of tables) resolvePermissions(info, definitions.get(key)!, tables, roles, problems);
  return { source: source.name, tables, roles, inconsistencies: problems };
}
