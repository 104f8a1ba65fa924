import {
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLFieldConfigMap,
} from 'graphql';
import type { TableInfo } from '../model/index.ts';
import { aggregateFieldsType } from './aggregate-types.ts';
import { boolExpType } from './bool-exp-type.ts';
import { named, permissionOf, tableByKey, type BuildContext } from './context.ts';
import { orderByType } from './order-by-type.ts';
import { visibleColumns } from './role-view.ts';
import { selectColumnEnum } from './select-column-enum.ts';
import { columnOutputType } from './value-types.ts';

/** Arguments of a list selection: `distinct_on`, `limit`, `offset`, `order_by`, `where`. */
export function selectArguments(context: BuildContext, table: TableInfo): GraphQLFieldConfigArgumentMap {
  return {
    distinct_on: { type: new GraphQLList(new GraphQLNonNull(selectColumnEnum(context, table))), description: 'distinct select on columns' },
    limit: { type: GraphQLInt, description: 'limit the number of rows returned' },
    offset: { type: GraphQLInt, description: 'skip the first n rows. Use only with order_by' },
    order_by: { type: new GraphQLList(new GraphQLNonNull(orderByType(context, table))), description: 'sort the rows by one or more columns' },
    where: { type: boolExpType(context, table), description: 'filter the rows returned' },
  };
}

export function aggregateType(context: BuildContext, table: TableInfo): GraphQLObjectType {
  const name = `${table.baseName}_aggregate`;
  return named(context, name, () =>
    new GraphQLObjectType({
      name,
      description: `aggregated selection of "${table.name}"`,
      fields: () => ({
        aggregate: { type: aggregateFieldsType(context, table) },
        nodes: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(tableObjectType(context, table)))) },
      }),
    }),
  );
}

function relationshipFields(context: BuildContext, table: TableInfo): GraphQLFieldConfigMap<unknown, unknown> {
  const fields: GraphQLFieldConfigMap<unknown, unknown> = {};
  for (const relationship of table.relationships.values()) {
    const target = tableByKey(context, relationship.target);
    const permission = permissionOf(context, target);
    if (!permission) continue;
    const targetType = tableObjectType(context, target);
    const description = relationship.comment ?? `An ${relationship.kind} relationship`;
    if (relationship.kind === 'object') {
      fields[relationship.name] = { type: relationship.nullable ? targetType : new GraphQLNonNull(targetType), description };
      continue;
    }
    fields[relationship.name] = {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(targetType))),
      args: selectArguments(context, target),
      description,
    };
    if (permission.allowAggregations) {
      fields[`${relationship.name}_aggregate`] = {
        type: new GraphQLNonNull(aggregateType(context, target)),
        args: selectArguments(context, target),
        description: `An aggregate relationship`,
      };
    }
  }
  return fields;
}

/** `<t>`: the role's visible columns and the relationships to tables it may select. */
export function tableObjectType(context: BuildContext, table: TableInfo): GraphQLObjectType {
  return named(context, table.baseName, () =>
    new GraphQLObjectType({
      name: table.baseName,
      description: table.comment ?? `columns and relationships of "${table.name}"`,
      fields: () => {
        const fields: GraphQLFieldConfigMap<unknown, unknown> = {};
        for (const column of visibleColumns(table, permissionOf(context, table)!)) {
          const isJson = column.pgType === 'json' || column.pgType === 'jsonb';
          fields[column.fieldName] = {
            type: columnOutputType(context, column),
            description: column.comment ?? undefined,
            ...(isJson ? { args: { path: { type: GraphQLString, description: 'JSON select path' } } } : {}),
          };
        }
        return { ...fields, ...relationshipFields(context, table) };
      },
    }),
  );
}
