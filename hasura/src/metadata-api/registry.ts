import { EngineError } from '../errors/index.ts';
import type { Operation } from './operation.ts';
import { getCatalogState, setCatalogState } from './ops/catalog-state.ts';
import { addComputedField, dropComputedField, trackFunction, untrackFunction } from './ops/functions.ts';
import { insertRows } from './ops/insert.ts';
import { clearMetadata, dropInconsistentMetadata, exportMetadata, getInconsistentMetadata, reloadMetadata, replaceMetadata } from './ops/metadata.ts';
import { createPermission, dropPermission } from './ops/permissions.ts';
import { createArrayRelationship, createObjectRelationship, dropRelationship, setRelationshipComment } from './ops/relationships.ts';
import { runSql } from './ops/run-sql.ts';
import { setTableCustomFields, setTableCustomization, setTableIsEnum, trackTable, untrackTable } from './ops/tables.ts';

export type ApiPath = '/v1/query' | '/v2/query' | '/v1/metadata';

/** The source-level calls: unprefixed on /v1/query, `pg_`-prefixed on /v1/metadata. */
const SOURCE_OPERATIONS: Record<string, Operation> = {
  track_table: trackTable,
  untrack_table: untrackTable,
  set_table_is_enum: setTableIsEnum,
  set_table_customization: setTableCustomization,
  create_object_relationship: createObjectRelationship,
  create_array_relationship: createArrayRelationship,
  drop_relationship: dropRelationship,
  set_relationship_comment: setRelationshipComment,
  create_select_permission: createPermission('select'),
  create_insert_permission: createPermission('insert'),
  create_update_permission: createPermission('update'),
  create_delete_permission: createPermission('delete'),
  drop_select_permission: dropPermission('select'),
  drop_insert_permission: dropPermission('insert'),
  drop_update_permission: dropPermission('update'),
  drop_delete_permission: dropPermission('delete'),
  track_function: trackFunction,
  untrack_function: untrackFunction,
  add_computed_field: addComputedField,
  drop_computed_field: dropComputedField,
};

const METADATA_OPERATIONS: Record<string, Operation> = {
  export_metadata: exportMetadata,
  replace_metadata: replaceMetadata,
  reload_metadata: reloadMetadata,
  clear_metadata: clearMetadata,
  get_inconsistent_metadata: getInconsistentMetadata,
  drop_inconsistent_metadata: dropInconsistentMetadata,
};

const bulk: Operation = async (args, { path, run }) => {
  if (!Array.isArray(args)) throw new EngineError('parse-failed', 'expected an array of queries for "bulk"', `${path}.args`);
  const results: unknown[] = [];
  for (const [i, step] of args.entries()) results.push(await run(step, `${path}.args[${i}]`));
  return results;
};

const prefixed = (operations: Record<string, Operation>) =>
  Object.fromEntries(Object.entries(operations).map(([type, operation]) => [`pg_${type}`, operation]));

const REGISTRIES: Record<ApiPath, Map<string, Operation>> = {
  '/v1/query': new Map(Object.entries({
    bulk,
    run_sql: runSql,
    insert: insertRows,
    set_table_custom_fields: setTableCustomFields,
    ...SOURCE_OPERATIONS,
    ...METADATA_OPERATIONS,
  })),
  '/v2/query': new Map(Object.entries({ bulk, run_sql: runSql, insert: insertRows })),
  '/v1/metadata': new Map(Object.entries({
    bulk,
    bulk_atomic: bulk,
    get_catalog_state: getCatalogState,
    set_catalog_state: setCatalogState,
    ...prefixed(SOURCE_OPERATIONS),
    ...METADATA_OPERATIONS,
  })),
};

/** The operation for `type` on `path`; anything else is `not-supported`, naming the type. */
export function operationFor(path: ApiPath, type: string, at: string): Operation {
  const operation = REGISTRIES[path].get(type);
  if (!operation) throw new EngineError('not-supported', `"${type}" is not supported on ${path} by the development engine`, at);
  return operation;
}

export function isApiPath(path: string): path is ApiPath {
  return path in REGISTRIES;
}

/** Every type each path answers (for COMPAT.md and tests). */
export function supportedTypes(path: ApiPath): string[] {
  return [...REGISTRIES[path].keys()];
}
