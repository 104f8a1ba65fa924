import type { FieldNode } from 'graphql';
import { EngineError } from '../errors/index.ts';
import { sql, type SQL } from '../sql/index.ts';
import type { CompileContext } from './compile-context.ts';
import { argumentsOf } from './arguments.ts';
import { compileAggregateSelection, compileByPk, compileList } from './select.ts';

function rootField(context: CompileContext, name: string, nodes: FieldNode[]): SQL {
  if (name === '__typename') return sql.literal('query_root');
  const target = context.roleSchema.queryFields.get(name);
  const definition = context.roleSchema.schema.getQueryType()!.getFields()[name];
  if (!target || !definition) throw new EngineError('validation-failed', `field '${name}' not found in type: 'query_root'`, `$.selectionSet.${name}`);
  const args = argumentsOf(context, definition, nodes[0]!);
  if (target.kind === 'select') return compileList(context, target.table, args, nodes, null);
  if (target.kind === 'select_by_pk') return compileByPk(context, target.table, args, nodes);
  return compileAggregateSelection(context, target.table, args, nodes, null);
}

/**
 * Every database root field of a query as one statement that returns the `data` object as JSON
 * text, built inside PostgreSQL.
 */
export function compileRootQuery(context: CompileContext, fields: Map<string, FieldNode[]>): SQL {
  const columns = [...fields].map(([key, nodes]) => sql`${rootField(context, nodes[0]!.name.value, nodes)} as ${sql.ident(key)}`);
  const record = context.alias('e');
  return sql`select row_to_json((select ${sql.ident(record)} from (select ${sql.join(columns, ', ')}) as ${sql.ident(record)}))::text as data`;
}
