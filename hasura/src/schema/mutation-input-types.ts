import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLString,
  type GraphQLInputFieldConfigMap,
} from 'graphql';
import type { ColumnInfo, TableInfo } from '../model/index.ts';
import { boolExpType } from './bool-exp-type.ts';
import { named, permissionOf, tableByKey, type BuildContext } from './context.ts';
import { insertPermissionFor, updatePermissionFor } from './mutation-permissions.ts';
import { columnInputType } from './value-types.ts';

function columnsOf(table: TableInfo, names: Set<string>): ColumnInfo[] {
  return [...table.columns.values()].filter((c) => names.has(c.name));
}

function inputObject(context: BuildContext, name: string, description: string, fields: () => GraphQLInputFieldConfigMap): GraphQLInputObjectType {
  return named(context, name, () => new GraphQLInputObjectType({ name, description, fields }));
}

export function updatableColumns(context: BuildContext, table: TableInfo): ColumnInfo[] {
  const permission = updatePermissionFor(table, context.role, context.backendOnly);
  return permission ? columnsOf(table, permission.columns) : [];
}

function constraintEnum(context: BuildContext, table: TableInfo): GraphQLEnumType {
  const name = `${table.baseName}_constraint`;
  return named(context, name, () =>
    new GraphQLEnumType({
      name,
      description: `unique or primary key constraints on table "${table.name}"`,
      values: Object.fromEntries(table.uniqueConstraints.map((c) => [c.name, { value: c.name, description: `unique or primary key constraint on columns ${c.columns.map((col) => `"${col}"`).join(', ')}` }])),
    }),
  );
}

function updateColumnEnum(context: BuildContext, table: TableInfo): GraphQLEnumType {
  const name = `${table.baseName}_update_column`;
  return named(context, name, () => {
    const columns = updatableColumns(context, table);
    const values = columns.length > 0
      ? Object.fromEntries(columns.map((c) => [c.fieldName, { value: c.name, description: 'column name' }]))
      : { _PLACEHOLDER: { value: '_PLACEHOLDER', description: 'placeholder (do not use)' } };
    return new GraphQLEnumType({ name, description: `update columns of table "${table.name}"`, values });
  });
}

/** `<t>_on_conflict`: exists only when the role may also update the table (an upsert updates). */
export function onConflictType(context: BuildContext, table: TableInfo): GraphQLInputObjectType | null {
  if (!updatePermissionFor(table, context.role, context.backendOnly) || table.uniqueConstraints.length === 0) return null;
  return inputObject(context, `${table.baseName}_on_conflict`, `on_conflict condition type for table "${table.name}"`, () => ({
    constraint: { type: new GraphQLNonNull(constraintEnum(context, table)) },
    update_columns: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(updateColumnEnum(context, table)))), defaultValue: [] },
    ...(permissionOf(context, table) ? { where: { type: boolExpType(context, table) } } : {}),
  }));
}

function relationshipInsertType(context: BuildContext, target: TableInfo, kind: 'object' | 'array'): GraphQLInputObjectType {
  const suffix = kind === 'object' ? 'obj_rel_insert_input' : 'arr_rel_insert_input';
  return inputObject(context, `${target.baseName}_${suffix}`, `input type for inserting ${kind} relation for remote table "${target.name}"`, () => {
    const data = new GraphQLNonNull(insertInputType(context, target));
    const onConflict = onConflictType(context, target);
    return {
      data: { type: kind === 'object' ? data : new GraphQLNonNull(new GraphQLList(data)) },
      ...(onConflict ? { on_conflict: { type: onConflict, description: 'upsert condition' } } : {}),
    };
  });
}

/** `<t>_insert_input`: the columns the role may insert, and relationships into tables it may insert into. */
export function insertInputType(context: BuildContext, table: TableInfo): GraphQLInputObjectType {
  return inputObject(context, `${table.baseName}_insert_input`, `input type for inserting data into table "${table.name}"`, () => {
    const permission = insertPermissionFor(table, context.role, context.backendOnly)!;
    const fields: GraphQLInputFieldConfigMap = {};
    for (const column of columnsOf(table, permission.columns)) fields[column.fieldName] = { type: columnInputType(context, column) };
    for (const relationship of table.relationships.values()) {
      const target = tableByKey(context, relationship.target);
      if (insertPermissionFor(target, context.role, context.backendOnly)) fields[relationship.name] = { type: relationshipInsertType(context, target, relationship.kind) };
    }
    return fields;
  });
}

/** Update operator inputs (`_set`, `_inc`, jsonb operators) that apply to the role's updatable columns. */
export function updateOperatorTypes(context: BuildContext, table: TableInfo): Record<string, GraphQLInputObjectType> {
  const columns = updatableColumns(context, table);
  const jsonb = columns.filter((c) => c.pgType === 'jsonb');
  const make = (op: string, cols: ColumnInfo[], typeOf: (c: ColumnInfo) => GraphQLInputFieldConfigMap[string]['type'], description: string) =>
    cols.length === 0 ? [] : [[`_${op}`, inputObject(context, `${table.baseName}_${op}_input`, description, () => Object.fromEntries(cols.map((c) => [c.fieldName, { type: typeOf(c) }])))] as const];
  return Object.fromEntries([
    ...make('append', jsonb, (c) => columnInputType(context, c), 'append existing jsonb value of filtered columns with new jsonb value'),
    ...make('delete_at_path', jsonb, () => new GraphQLList(new GraphQLNonNull(GraphQLString)), 'delete the field or element with specified path (for JSON arrays, negative integers count from the end)'),
    ...make('delete_elem', jsonb, () => GraphQLInt, 'delete the array element with specified index (negative integers count from the end). throws an error if top level container is not an array'),
    ...make('delete_key', jsonb, () => GraphQLString, 'delete key/value pair or string element. key/value pairs are matched based on their key value'),
    ...make('inc', columns.filter((c) => c.isNumeric), (c) => columnInputType(context, c), `input type for incrementing numeric columns in table "${table.name}"`),
    ...make('prepend', jsonb, (c) => columnInputType(context, c), 'prepend existing jsonb value of filtered columns with new jsonb value'),
    ...make('set', columns, (c) => columnInputType(context, c), `input type for updating data in table "${table.name}"`),
  ]);
}

export function pkColumnsInputType(context: BuildContext, table: TableInfo): GraphQLInputObjectType {
  return inputObject(context, `${table.baseName}_pk_columns_input`, `primary key columns input for table: ${table.name}`, () =>
    Object.fromEntries(table.primaryKey!.map((name) => {
      const column = table.columns.get(name)!;
      return [column.fieldName, { type: new GraphQLNonNull(columnInputType(context, column)) }];
    })),
  );
}
