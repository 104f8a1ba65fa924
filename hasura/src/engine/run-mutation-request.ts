import type { FieldNode } from 'graphql';
import type pg from 'pg';
import { callAction } from '../action-fields/call-action.ts';
import { projectSelection } from '../action-fields/project-selection.ts';
import type { CompileContext } from '../compile/compile-context.ts';
import { argumentsOf } from '../compile/arguments.ts';
import { runMutationField } from '../mutate/run-mutation.ts';
import { inTransaction } from '../postgres/index.ts';
import type { GraphQLRequest } from './graphql-request.ts';

async function asSession<T>(pool: pg.Pool, session: Record<string, string>, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await inTransaction(client, async () => {
      // Triggers read who acted from here, as with Hasura (current_setting('hasura.user')).
      await client.query("select set_config('hasura.user', $1, true)", [JSON.stringify(session)]);
      return work(client);
    });
  } finally {
    client.release();
  }
}

/**
 * A mutation operation: its table mutations run in order in one transaction (a failure rolls all
 * of them back), action fields call their handlers in order.
 */
export async function runMutationRequest(pool: pg.Pool, context: CompileContext, fields: Map<string, FieldNode[]>, request: GraphQLRequest, clientHeaders: Record<string, string>): Promise<string> {
  const root = context.roleSchema.schema.getMutationType()!;
  const data = await asSession(pool, context.session, async (client) => {
    const answers: Record<string, unknown> = {};
    for (const [key, nodes] of fields) {
      const name = nodes[0]!.name.value;
      const definition = root.getFields()[name];
      if (name === '__typename' || !definition) {
        answers[key] = 'mutation_root';
        continue;
      }
      const args = argumentsOf(context, definition, nodes[0]!);
      const action = context.roleSchema.actions.get(name);
      if (action) {
        const output = await callAction({ action, input: args, session: context.session, requestQuery: request.query, clientHeaders, outputType: definition.type });
        answers[key] = projectSelection(context, output, definition.type, nodes);
      } else {
        answers[key] = await runMutationField(client, context, context.roleSchema.mutationFields.get(name)!, args, nodes);
      }
    }
    return answers;
  });
  return JSON.stringify({ data });
}
