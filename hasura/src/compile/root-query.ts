import type { FieldNode, GraphQLObjectType } from 'graphql';
import { EngineError } from '../errors/index.ts';
import type { RootFieldTarget } from '../schema/index.ts';
import { sql, type SQL } from '../sql/index.ts';
import type { CompileContext } from './compile-context.ts';
import { argumentsOf } from './arguments.ts';
import { compileAggregateSelection, compileByPk, compileList } from './select.ts';

/** The root type a selection is read from: query_root for requests, subscription_root for live queries. */
export type RootKind = 'query_root' | 'subscription_root';

function rootOf(context: CompileContext, root: RootKind): { type: GraphQLObjectType | null | undefined; targets: Map<string, RootFieldTarget> } {
  const { schema, queryFields, subscriptionFields } = context.roleSchema;
  return root === 'query_root' ? { type: schema.getQueryType(), targets: queryFields } : { type: schema.getSubscriptionType(), targets: subscriptionFields };
}

function rootField(context: CompileContext, root: RootKind, name: string, nodes: FieldNode[]): SQL {
  if (name === '__typename') return sql.literal(root);
  const { type, targets } = rootOf(context, root);
  const target = targets.get(name);
  const definition = type?.getFields()[name];
  if (!target || !definition || target.kind === 'select_stream') throw new EngineError('validation-failed', `field '${name}' not found in type: '${root}'`, `$.selectionSet.${name}`);
  const args = argumentsOf(context, definition, nodes[0]!);
  if (target.kind === 'select') return compileList(context, target.table, args, nodes, null);
  if (target.kind === 'select_by_pk') return compileByPk(context, target.table, args, nodes);
  return compileAggregateSelection(context, target.table, args, nodes, null);
}

/**
 * Every database root field of a query (or a live query) as one statement that returns the
 * `data` object as JSON text, built inside PostgreSQL.
 */
export function compileRootQuery(context: CompileContext, fields: Map<string, FieldNode[]>, root: RootKind = 'query_root'): SQL {
  const columns = [...fields].map(([key, nodes]) => sql`${rootField(context, root, nodes[0]!.name.value, nodes)} as ${sql.ident(key)}`);
  const record = context.alias('e');
  return sql`select row_to_json((select ${sql.ident(record)} from (select ${sql.join(columns, ', ')}) as ${sql.ident(record)}))::text as data`;
}
