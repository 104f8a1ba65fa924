import { GraphQLEnumType } from 'graphql';
import type { TableInfo } from '../model/index.ts';
import { named, permissionOf, type BuildContext } from './context.ts';
import { visibleColumns } from './role-view.ts';

/** `<t>_select_column`: the columns a role may select, for `distinct_on` and `count(columns:)`. */
export function selectColumnEnum(context: BuildContext, table: TableInfo): GraphQLEnumType {
  const name = `${table.baseName}_select_column`;
  return named(context, name, () =>
    new GraphQLEnumType({
      name,
      description: `select columns of table "${table.name}"`,
      values: Object.fromEntries(
        visibleColumns(table, permissionOf(context, table)!).map((column) => [column.fieldName, { value: column.name, description: 'column name' }]),
      ),
    }),
  );
}
