import { GraphQLEnumType, GraphQLList, GraphQLNonNull, type GraphQLInputType, type GraphQLOutputType } from 'graphql';
import type { ColumnInfo } from '../model/index.ts';
import { named, tableByKey, type BuildContext } from './context.ts';
import { builtInScalar, customScalar } from './scalars.ts';

/** The GraphQL type of one value of a column: its scalar, or its enum table's enum. */
export function valueType(context: BuildContext, column: ColumnInfo): GraphQLEnumType | ReturnType<typeof customScalar> {
  if (column.enumTable) {
    const table = tableByKey(context, column.enumTable);
    return named(context, column.scalar, () =>
      new GraphQLEnumType({
        name: column.scalar,
        values: Object.fromEntries(
          (table.enumValues ?? []).map((v) => [v.value, { value: v.value, description: v.comment ?? undefined }]),
        ),
      }),
    );
  }
  return builtInScalar(column.scalar) ?? named(context, column.scalar, () => customScalar(column.scalar));
}

/** The column's field type: arrays are lists of the element type; NOT NULL columns are non-null. */
export function columnOutputType(context: BuildContext, column: ColumnInfo): GraphQLOutputType {
  const value = valueType(context, column);
  const type = column.elementType ? new GraphQLList(new GraphQLNonNull(value)) : value;
  return column.nullable ? type : new GraphQLNonNull(type);
}

/** The column's type as an input (nullable: inputs are optional). */
export function columnInputType(context: BuildContext, column: ColumnInfo): GraphQLInputType {
  const value = valueType(context, column);
  return column.elementType ? new GraphQLList(new GraphQLNonNull(value)) : value;
}

export function orderByEnum(context: BuildContext): GraphQLEnumType {
  return named(context, 'order_by', () =>
    new GraphQLEnumType({
      name: 'order_by',
      description: 'column ordering options',
      values: {
        asc: { description: 'in ascending order, nulls last' },
        asc_nulls_first: { description: 'in ascending order, nulls first' },
        asc_nulls_last: { description: 'in ascending order, nulls last' },
        desc: { description: 'in descending order, nulls first' },
        desc_nulls_first: { description: 'in descending order, nulls first' },
        desc_nulls_last: { description: 'in descending order, nulls last' },
      },
    }),
  );
}
