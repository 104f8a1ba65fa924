import { GraphQLInputObjectType, GraphQLList, GraphQLNonNull, type GraphQLInputFieldConfigMap } from 'graphql';
import type { TableInfo } from '../model/index.ts';
import { comparisonType } from './comparison-types.ts';
import { named, permissionOf, tableByKey, type BuildContext } from './context.ts';
import { visibleColumns } from './role-view.ts';

/** `<t>_bool_exp`: logical operators, one comparison per visible column, nested per relationship. */
export function boolExpType(context: BuildContext, table: TableInfo): GraphQLInputObjectType {
  const name = `${table.baseName}_bool_exp`;
  return named(context, name, () => {
    const self: GraphQLInputObjectType = new GraphQLInputObjectType({
      name,
      description: `Boolean expression to filter rows from the table "${table.name}". All fields are combined with a logical 'AND'.`,
      fields: () => {
        const fields: GraphQLInputFieldConfigMap = {
          _and: { type: new GraphQLList(new GraphQLNonNull(self)) },
          _not: { type: self },
          _or: { type: new GraphQLList(new GraphQLNonNull(self)) },
        };
        for (const column of visibleColumns(table, permissionOf(context, table)!)) {
          fields[column.fieldName] = { type: comparisonType(context, column) };
        }
        for (const relationship of table.relationships.values()) {
          const target = tableByKey(context, relationship.target);
          if (permissionOf(context, target)) fields[relationship.name] = { type: boolExpType(context, target) };
        }
        return Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b)));
      },
    });
    return self;
  });
}
