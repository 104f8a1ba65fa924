import { GraphQLInputObjectType, type GraphQLInputFieldConfigMap } from 'graphql';
import type { TableInfo } from '../model/index.ts';
import { aggregateOrderByType } from './aggregate-types.ts';
import { named, permissionOf, tableByKey, type BuildContext } from './context.ts';
import { visibleColumns } from './role-view.ts';
import { orderByEnum } from './value-types.ts';

/** `<t>_order_by`: a direction per column, nested for object relationships, aggregates for arrays. */
export function orderByType(context: BuildContext, table: TableInfo): GraphQLInputObjectType {
  const name = `${table.baseName}_order_by`;
  return named(context, name, () =>
    new GraphQLInputObjectType({
      name,
      description: `Ordering options when selecting data from "${table.name}".`,
      fields: () => {
        const fields: GraphQLInputFieldConfigMap = {};
        for (const column of visibleColumns(table, permissionOf(context, table)!)) {
          if (column.elementType === null) fields[column.fieldName] = { type: orderByEnum(context) };
        }
        for (const relationship of table.relationships.values()) {
          const target = tableByKey(context, relationship.target);
          const permission = permissionOf(context, target);
          if (!permission) continue;
          if (relationship.kind === 'object') fields[relationship.name] = { type: orderByType(context, target) };
          else if (permission.allowAggregations) fields[`${relationship.name}_aggregate`] = { type: aggregateOrderByType(context, target) };
        }
        return Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b)));
      },
    }),
  );
}
