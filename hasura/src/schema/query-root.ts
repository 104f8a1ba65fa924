import { GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString, type GraphQLFieldConfigMap } from 'graphql';
import type { RootFieldKind, SubscriptionFieldKind, TableInfo } from '../model/index.ts';
import { permissionOf, type BuildContext } from './context.ts';
import { aggregateType, selectArguments, tableObjectType } from './object-type.ts';
import { columnInputType } from './value-types.ts';

/** Which root field a query_root or subscription_root field stands for; the compiler looks fields up here. */
export interface RootFieldTarget {
  kind: SubscriptionFieldKind;
  table: TableInfo;
}

/** Which of a table's root fields a root type offers, given the role's select permission. */
export type RootFieldFilter = (permission: NonNullable<ReturnType<typeof permissionOf>>, kind: RootFieldKind) => boolean;

const byQueryRootFields: RootFieldFilter = (permission, kind) => permission.queryRootFields === null || permission.queryRootFields.has(kind);

/** `<t>`, `<t>_aggregate` (when aggregations are allowed) and `<t>_by_pk` (when the key is visible). */
export function tableRootFields(context: BuildContext, table: TableInfo, targets: Map<string, RootFieldTarget>, filter: RootFieldFilter = byQueryRootFields): GraphQLFieldConfigMap<unknown, unknown> {
  const permission = permissionOf(context, table);
  if (!permission) return {};
  const allowed = (kind: RootFieldKind) => filter(permission, kind);
  const fields: GraphQLFieldConfigMap<unknown, unknown> = {};
  const type = tableObjectType(context, table);
  if (allowed('select')) {
    fields[table.rootFields.select] = {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(type))),
      args: selectArguments(context, table),
      description: `fetch data from the table: "${table.name}"`,
    };
    targets.set(table.rootFields.select, { kind: 'select', table });
  }
  if (allowed('select_aggregate') && permission.allowAggregations) {
    fields[table.rootFields.select_aggregate] = {
      type: new GraphQLNonNull(aggregateType(context, table)),
      args: selectArguments(context, table),
      description: `fetch aggregated fields from the table: "${table.name}"`,
    };
    targets.set(table.rootFields.select_aggregate, { kind: 'select_aggregate', table });
  }
  const pk = table.primaryKey;
  if (allowed('select_by_pk') && pk && pk.every((column) => permission.columns.has(column))) {
    fields[table.rootFields.select_by_pk] = {
      type,
      args: Object.fromEntries(pk.map((name) => {
        const column = table.columns.get(name)!;
        return [column.fieldName, { type: new GraphQLNonNull(columnInputType(context, column)) }];
      })),
      description: `fetch data from the table: "${table.name}" using primary key columns`,
    };
    targets.set(table.rootFields.select_by_pk, { kind: 'select_by_pk', table });
  }
  return fields;
}

export function queryRoot(
  context: BuildContext,
  targets: Map<string, RootFieldTarget>,
  extraFields: () => GraphQLFieldConfigMap<unknown, unknown>,
): GraphQLObjectType {
  const fields: GraphQLFieldConfigMap<unknown, unknown> = {};
  const tables = [...context.model.tables.values()].sort((a, b) => a.baseName.localeCompare(b.baseName));
  for (const table of tables) Object.assign(fields, tableRootFields(context, table, targets));
  Object.assign(fields, extraFields());
  if (Object.keys(fields).length === 0) {
    fields.no_queries_available = {
      type: new GraphQLNonNull(GraphQLString),
      description: 'There are no queries available to the current role. Either there are no sources or remote schemas configured, or the current role doesn\'t have the required permissions.',
    };
  }
  return new GraphQLObjectType({ name: 'query_root', fields });
}
