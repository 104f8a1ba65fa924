import { GraphQLInputObjectType, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, type GraphQLFieldConfigArgumentMap, type GraphQLFieldConfigMap } from 'graphql';
import type { MutationFieldKind, TableInfo } from '../model/index.ts';
import { boolExpType } from './bool-exp-type.ts';
import { named, permissionOf, type BuildContext } from './context.ts';
import { insertInputType, onConflictType, pkColumnsInputType, updateOperatorTypes } from './mutation-input-types.ts';
import { deletePermissionFor, insertPermissionFor, updatePermissionFor } from './mutation-permissions.ts';
import { tableObjectType } from './object-type.ts';
import { columnInputType } from './value-types.ts';

export interface MutationFieldTarget {
  kind: MutationFieldKind;
  table: TableInfo;
}

function mutationResponseType(context: BuildContext, table: TableInfo): GraphQLObjectType {
  const name = `${table.baseName}_mutation_response`;
  return named(context, name, () =>
    new GraphQLObjectType({
      name,
      description: `response of any mutation on the table "${table.name}"`,
      fields: () => ({
        affected_rows: { type: new GraphQLNonNull(GraphQLInt), description: 'number of rows affected by the mutation' },
        ...(permissionOf(context, table)
          ? { returning: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(tableObjectType(context, table)))), description: 'data from the rows affected by the mutation' } }
          : {}),
      }),
    }),
  );
}

function pkArguments(context: BuildContext, table: TableInfo): GraphQLFieldConfigArgumentMap {
  return Object.fromEntries(table.primaryKey!.map((name) => {
    const column = table.columns.get(name)!;
    return [column.fieldName, { type: new GraphQLNonNull(columnInputType(context, column)) }];
  }));
}

function insertFields(context: BuildContext, table: TableInfo, add: (kind: MutationFieldKind, config: GraphQLFieldConfigMap<unknown, unknown>[string]) => void): void {
  if (!insertPermissionFor(table, context.role, context.backendOnly)) return;
  const input = new GraphQLNonNull(insertInputType(context, table));
  const onConflict = onConflictType(context, table);
  const conflictArg: GraphQLFieldConfigArgumentMap = onConflict ? { on_conflict: { type: onConflict, description: 'upsert condition' } } : {};
  add('insert', { type: mutationResponseType(context, table), args: { objects: { type: new GraphQLNonNull(new GraphQLList(input)) }, ...conflictArg }, description: `insert data into the table: "${table.name}"` });
  if (permissionOf(context, table)) add('insert_one', { type: tableObjectType(context, table), args: { object: { type: input }, ...conflictArg }, description: `insert a single row into the table: "${table.name}"` });
}

function updateFields(context: BuildContext, table: TableInfo, add: (kind: MutationFieldKind, config: GraphQLFieldConfigMap<unknown, unknown>[string]) => void): void {
  if (!updatePermissionFor(table, context.role, context.backendOnly) || !permissionOf(context, table)) return;
  const operators = Object.fromEntries(Object.entries(updateOperatorTypes(context, table)).map(([op, type]) => [op, { type }]));
  const where = new GraphQLNonNull(boolExpType(context, table));
  add('update', { type: mutationResponseType(context, table), args: { ...operators, where: { type: where } }, description: `update data of the table: "${table.name}"` });
  if (table.primaryKey) add('update_by_pk', { type: tableObjectType(context, table), args: { ...operators, pk_columns: { type: new GraphQLNonNull(pkColumnsInputType(context, table)) } }, description: `update single row of the table: "${table.name}"` });
  const updatesName = `${table.baseName}_updates`;
  const updates = named(context, updatesName, () => new GraphQLInputObjectType({ name: updatesName, fields: () => ({ ...operators, where: { type: where, description: 'filter the rows which have to be updated' } }) }));
  add('update_many', { type: new GraphQLList(mutationResponseType(context, table)), args: { updates: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(updates))) } }, description: `update multiples rows of table: "${table.name}"` });
}

function deleteFields(context: BuildContext, table: TableInfo, add: (kind: MutationFieldKind, config: GraphQLFieldConfigMap<unknown, unknown>[string]) => void): void {
  if (!deletePermissionFor(table, context.role, context.backendOnly) || !permissionOf(context, table)) return;
  add('delete', { type: mutationResponseType(context, table), args: { where: { type: new GraphQLNonNull(boolExpType(context, table)) } }, description: `delete data from the table: "${table.name}"` });
  if (table.primaryKey) add('delete_by_pk', { type: tableObjectType(context, table), args: pkArguments(context, table), description: `delete single row from the table: "${table.name}"` });
}

/** Table mutation fields the role may use; the executor looks them up in `targets`. */
export function tableMutationFields(context: BuildContext, targets: Map<string, MutationFieldTarget>): GraphQLFieldConfigMap<unknown, unknown> {
  const fields: GraphQLFieldConfigMap<unknown, unknown> = {};
  const tables = [...context.model.tables.values()].sort((a, b) => a.baseName.localeCompare(b.baseName));
  for (const table of tables) {
    const add = (kind: MutationFieldKind, config: GraphQLFieldConfigMap<unknown, unknown>[string]) => {
      fields[table.rootFields[kind]] = config;
      targets.set(table.rootFields[kind], { kind, table });
    };
    insertFields(context, table, add);
    updateFields(context, table, add);
    deleteFields(context, table, add);
  }
  return fields;
}
