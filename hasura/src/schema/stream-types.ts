import { GraphQLEnumType, GraphQLInputObjectType, GraphQLInt, GraphQLList, GraphQLNonNull, type GraphQLFieldConfig } from 'graphql';
import type { TableInfo } from '../model/index.ts';
import { named, permissionOf, type BuildContext } from './context.ts';
import { boolExpType } from './bool-exp-type.ts';
import { tableObjectType } from './object-type.ts';
import { visibleColumns } from './role-view.ts';
import { columnInputType } from './value-types.ts';

/** `cursor_ordering`: the direction a stream's cursor moves in. */
export function cursorOrderingEnum(context: BuildContext): GraphQLEnumType {
  return named(context, 'cursor_ordering', () =>
    new GraphQLEnumType({
      name: 'cursor_ordering',
      description: 'ordering argument of a cursor',
      values: { ASC: { value: 'ASC', description: 'ascending ordering of the cursor' }, DESC: { value: 'DESC', description: 'descending ordering of the cursor' } },
    }),
  );
}

function cursorValueInput(context: BuildContext, table: TableInfo): GraphQLInputObjectType {
  const name = `${table.baseName}_stream_cursor_value_input`;
  return named(context, name, () =>
    new GraphQLInputObjectType({
      name,
      description: 'Initial value of the column from where the streaming should start',
      fields: () => Object.fromEntries(visibleColumns(table, permissionOf(context, table)!).map((column) => [column.fieldName, { type: columnInputType(context, column) }])),
    }),
  );
}

function cursorInput(context: BuildContext, table: TableInfo): GraphQLInputObjectType {
  const name = `${table.baseName}_stream_cursor_input`;
  return named(context, name, () =>
    new GraphQLInputObjectType({
      name,
      description: `Streaming cursor of the table "${table.name}"`,
      fields: () => ({
        initial_value: { type: new GraphQLNonNull(cursorValueInput(context, table)), description: 'Stream column input with initial value' },
        ordering: { type: cursorOrderingEnum(context), description: 'cursor ordering' },
      }),
    }),
  );
}

/** `<t>_stream(batch_size: Int!, cursor: [<t>_stream_cursor_input]!, where: <t>_bool_exp): [<t>!]!` */
export function streamField(context: BuildContext, table: TableInfo): GraphQLFieldConfig<unknown, unknown> {
  return {
    type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(tableObjectType(context, table)))),
    args: {
      batch_size: { type: new GraphQLNonNull(GraphQLInt), description: 'maximum number of rows returned in a single batch' },
      cursor: { type: new GraphQLNonNull(new GraphQLList(cursorInput(context, table))), description: 'cursor to stream the results returned by the query' },
      where: { type: boolExpType(context, table), description: 'filter the rows returned' },
    },
    description: `fetch data from the table in a streaming manner: "${table.name}"`,
  };
}
