import type { FieldNode } from 'graphql';
import type pg from 'pg';
import { EngineError } from '../errors/index.ts';
import type { TableInfo } from '../model/index.ts';
import { collectFields, subSelections } from '../compile/collect-fields.ts';
import type { CompileContext } from '../compile/compile-context.ts';
import { deletePermissionFor, updatePermissionFor } from '../schema/mutation-permissions.ts';
import type { MutationFieldTarget } from '../schema/mutation-root.ts';
import { deleteStatement } from './delete-sql.ts';
import { insertRows } from './insert-rows.ts';
import { selectWrittenRows, type WrittenRow } from './returning.ts';
import { runCheckedWrite, runStatement } from './run-statement.ts';
import { updateStatement, type UpdateOperators } from './update-sql.ts';

type Args = Record<string, unknown>;

/** `{affected_rows, returning, __typename}` as the client selected them. */
async function mutationResponse(client: pg.ClientBase, context: CompileContext, table: TableInfo, nodes: FieldNode[], affected: number, rows: WrittenRow[] | unknown[], written: boolean): Promise<Record<string, unknown>> {
  const response: Record<string, unknown> = {};
  for (const [key, fieldNodes] of collectFields(context, subSelections(nodes))) {
    const name = fieldNodes[0]!.name.value;
    if (name === '__typename') response[key] = `${table.baseName}_mutation_response`;
    else if (name === 'affected_rows') response[key] = affected;
    else response[key] = written ? await selectWrittenRows(client, context, table, rows as WrittenRow[], fieldNodes) : rows;
  }
  return response;
}

async function update(client: pg.ClientBase, context: CompileContext, table: TableInfo, where: Args | null | undefined, operators: UpdateOperators): Promise<WrittenRow[]> {
  const permission = updatePermissionFor(table, context.role, context.backendOnly)!;
  const statement = updateStatement(context, table, where, operators, permission);
  if (!statement) throw new EngineError('validation-failed', 'at least any one of _set, _inc, _append, _prepend, _delete_key, _delete_elem, _delete_at_path is expected');
  return runCheckedWrite(client, statement, 'update');
}

async function remove(client: pg.ClientBase, context: CompileContext, table: TableInfo, where: Args, nodes: FieldNode[]): Promise<{ affected: number; rows: unknown[] }> {
  const permission = deletePermissionFor(table, context.role, context.backendOnly)!;
  const [result] = await runStatement<{ affected: number; rows: string }>(client, deleteStatement(context, table, permission.filter, where, nodes));
  return { affected: result!.affected, rows: JSON.parse(result!.rows) as unknown[] };
}

function pkWhere(table: TableInfo, values: Args): Args {
  return Object.fromEntries(table.primaryKey!.map((name) => {
    const field = table.columns.get(name)!.fieldName;
    return [field, { _eq: values[field] }];
  }));
}

function returningNodes(context: CompileContext, nodes: FieldNode[]): FieldNode[] {
  return [...collectFields(context, subSelections(nodes))].filter(([, n]) => n[0]!.name.value === 'returning').flatMap(([, n]) => n);
}

/** Runs one mutation root field inside the request's transaction and returns its JSON value. */
export async function runMutationField(client: pg.ClientBase, context: CompileContext, target: MutationFieldTarget, args: Args, nodes: FieldNode[]): Promise<unknown> {
  const { table } = target;
  switch (target.kind) {
    case 'insert': {
      const result = await insertRows(client, context, table, args.objects as Args[], (args.on_conflict ?? null) as never, new Map());
      return mutationResponse(client, context, table, nodes, result.affected, result.rows, true);
    }
    case 'insert_one': {
      const result = await insertRows(client, context, table, [args.object as Args], (args.on_conflict ?? null) as never, new Map());
      return (await selectWrittenRows(client, context, table, result.rows, nodes))[0] ?? null;
    }
    case 'update': {
      const rows = await update(client, context, table, args.where as Args, args as UpdateOperators);
      return mutationResponse(client, context, table, nodes, rows.length, rows, true);
    }
    case 'update_by_pk': {
      const rows = await update(client, context, table, pkWhere(table, args.pk_columns as Args), args as UpdateOperators);
      return (await selectWrittenRows(client, context, table, rows, nodes))[0] ?? null;
    }
    case 'update_many': {
      const responses = [];
      for (const item of args.updates as Args[]) {
        const rows = await update(client, context, table, item.where as Args, item as UpdateOperators);
        responses.push(await mutationResponse(client, context, table, nodes, rows.length, rows, true));
      }
      return responses;
    }
    case 'delete': {
      const result = await remove(client, context, table, args.where as Args, returningNodes(context, nodes));
      return mutationResponse(client, context, table, nodes, result.affected, result.rows, false);
    }
    case 'delete_by_pk': {
      const result = await remove(client, context, table, pkWhere(table, args), nodes);
      return result.rows[0] ?? null;
    }
  }
}
