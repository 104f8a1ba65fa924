import {
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLFieldConfigMap,
  type GraphQLInputFieldConfigMap,
} from 'graphql';
import type { ColumnInfo, TableInfo } from '../model/index.ts';
import { named, permissionOf, type BuildContext } from './context.ts';
import { visibleColumns } from './role-view.ts';
import { selectColumnEnum } from './select-column-enum.ts';
import { orderByEnum, valueType } from './value-types.ts';

const STATISTICS = ['avg', 'stddev', 'stddev_pop', 'stddev_samp', 'var_pop', 'var_samp', 'variance'] as const;
const ORDERED_TYPES = new Set(['text', 'varchar', 'bpchar', 'citext', 'date', 'time', 'timetz', 'timestamp', 'timestamptz', 'interval']);

/** Aggregate operator → the columns it applies to. */
export function aggregateOperators(columns: ColumnInfo[]): Array<[string, ColumnInfo[]]> {
  const numeric = columns.filter((c) => c.isNumeric);
  const ordered = columns.filter((c) => c.elementType === null && c.enumTable === null && (c.isNumeric || ORDERED_TYPES.has(c.pgType)));
  const operators: Array<[string, ColumnInfo[]]> = [
    ...STATISTICS.map((op): [string, ColumnInfo[]] => [op, numeric]),
    ['sum', numeric],
    ['max', ordered],
    ['min', ordered],
  ];
  return operators.filter(([, cols]) => cols.length > 0).sort(([a], [b]) => a.localeCompare(b));
}

function operatorFieldsType(context: BuildContext, table: TableInfo, op: string, columns: ColumnInfo[]): GraphQLObjectType {
  const name = `${table.baseName}_${op}_fields`;
  return named(context, name, () =>
    new GraphQLObjectType({
      name,
      description: `aggregate ${op} on columns`,
      fields: Object.fromEntries(
        columns.map((column) => [column.fieldName, { type: STATISTICS.includes(op as never) ? GraphQLFloat : valueType(context, column) }]),
      ),
    }),
  );
}

export function aggregateFieldsType(context: BuildContext, table: TableInfo): GraphQLObjectType {
  const name = `${table.baseName}_aggregate_fields`;
  return named(context, name, () =>
    new GraphQLObjectType({
      name,
      description: `aggregate fields of "${table.name}"`,
      fields: () => {
        const columns = visibleColumns(table, permissionOf(context, table)!);
        const fields: GraphQLFieldConfigMap<unknown, unknown> = {
          count: {
            type: new GraphQLNonNull(GraphQLInt),
            args: { columns: { type: new GraphQLList(new GraphQLNonNull(selectColumnEnum(context, table))) }, distinct: { type: GraphQLBoolean } },
          },
        };
        for (const [op, opColumns] of aggregateOperators(columns)) fields[op] = { type: operatorFieldsType(context, table, op, opColumns) };
        return fields;
      },
    }),
  );
}

/** `<t>_aggregate_order_by`: order by `count` or by an aggregate of a column. */
export function aggregateOrderByType(context: BuildContext, table: TableInfo): GraphQLInputObjectType {
  const name = `${table.baseName}_aggregate_order_by`;
  return named(context, name, () =>
    new GraphQLInputObjectType({
      name,
      description: `order by aggregate values of table "${table.name}"`,
      fields: () => {
        const fields: GraphQLInputFieldConfigMap = { count: { type: orderByEnum(context) } };
        for (const [op, columns] of aggregateOperators(visibleColumns(table, permissionOf(context, table)!))) {
          const opName = `${table.baseName}_${op}_order_by`;
          const type = named(context, opName, () =>
            new GraphQLInputObjectType({
              name: opName,
              description: `order by ${op}() on columns of table "${table.name}"`,
              fields: Object.fromEntries(columns.map((c) => [c.fieldName, { type: orderByEnum(context) }])),
            }),
          );
          fields[op] = { type };
        }
        return fields;
      },
    }),
  );
}
