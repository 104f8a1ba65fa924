import type { FieldNode, GraphQLObjectType } from 'graphql';
import { argumentsOf } from '../compile/arguments.ts';
import type { CompileContext } from '../compile/compile-context.ts';
import type { ResolvedAction } from '../model/index.ts';
import { callAction } from './call-action.ts';
import { projectSelection } from './project-selection.ts';

/** What the action calls of one GraphQL request share. */
export interface ActionRequest {
  /** The request's query text, sent as `request_query`. */
  query: string;
  /** The client's headers, for actions with `forward_client_headers`. */
  clientHeaders: Record<string, string>;
}

/**
 * One action root field of `root` (query_root or mutation_root): calls the handler with the
 * field's arguments and shapes its answer to the selection. It touches no database, so callers
 * run it outside any transaction: a slow handler (bcrypt at sign-in) holds no connection.
 */
export async function runActionField(context: CompileContext, root: GraphQLObjectType, action: ResolvedAction, nodes: FieldNode[], request: ActionRequest): Promise<unknown> {
  const definition = root.getFields()[action.metadata.name]!;
  const input = argumentsOf(context, definition, nodes[0]!);
  const output = await callAction({ action, input, session: context.session, requestQuery: request.query, clientHeaders: request.clientHeaders, outputType: definition.type });
  return projectSelection(context, output, definition.type, nodes);
}
