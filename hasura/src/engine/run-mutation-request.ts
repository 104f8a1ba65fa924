import type { FieldNode } from 'graphql';
import type pg from 'pg';
import { runActionField, type ActionRequest } from '../action-fields/index.ts';
import type { CompileContext } from '../compile/compile-context.ts';
import { argumentsOf } from '../compile/arguments.ts';
import { runMutationField } from '../mutate/run-mutation.ts';
import { inTransaction } from '@portal/common/postgres';
import { fromDatabaseError } from '../errors/index.ts';
import { checkOut } from './check-out.ts';
import type { GraphQLRequest } from './graphql-request.ts';

/** `work` in a transaction as `session`; a failed BEGIN, COMMIT or lost connection answers in Hasura's terms too. */
async function asSession<T>(pool: pg.Pool, session: Record<string, string>, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await checkOut(pool);
  try {
    return await inTransaction(client, async () => {
      // Triggers read who acted from here, as with Hasura (current_setting('hasura.user')).
      await client.query("select set_config('hasura.user', $1, true)", [JSON.stringify(session)]);
      return work(client);
    });
  } catch (error) {
    throw fromDatabaseError(error);
  } finally {
    client.release();
  }
}

/** One root field of a mutation operation and how it runs. */
interface MutationStep {
  key: string;
  nodes: FieldNode[];
  kind: 'typename' | 'action' | 'database';
}

function stepsOf(context: CompileContext, fields: Map<string, FieldNode[]>): MutationStep[] {
  return [...fields].map(([key, nodes]) => {
    const name = nodes[0]!.name.value;
    if (context.roleSchema.actions.has(name)) return { key, nodes, kind: 'action' };
    if (context.roleSchema.mutationFields.has(name)) return { key, nodes, kind: 'database' };
    return { key, nodes, kind: 'typename' };
  });
}

async function runDatabaseField(client: pg.ClientBase, context: CompileContext, nodes: FieldNode[]): Promise<unknown> {
  const name = nodes[0]!.name.value;
  const definition = context.roleSchema.schema.getMutationType()!.getFields()[name]!;
  const args = argumentsOf(context, definition, nodes[0]!);
  return runMutationField(client, context, context.roleSchema.mutationFields.get(name)!, args, nodes);
}

/** Every root field is a table mutation: all of them in one transaction, a failure rolls all back. */
async function runInOneTransaction(pool: pg.Pool, context: CompileContext, steps: MutationStep[]): Promise<Record<string, unknown>> {
  return asSession(pool, context.session, async (client) => {
    const answers: Record<string, unknown> = {};
    for (const step of steps) answers[step.key] = await runDatabaseField(client, context, step.nodes);
    return answers;
  });
}

/**
 * Anything else (an action or `__typename` among the fields): each root field on its own, in
 * order, stopping at the first error; each table mutation in a transaction of its own, action
 * handlers called with no transaction open.
 */
async function runOneByOne(pool: pg.Pool, context: CompileContext, steps: MutationStep[], request: ActionRequest): Promise<Record<string, unknown>> {
  const root = context.roleSchema.schema.getMutationType()!;
  const answers: Record<string, unknown> = {};
  for (const step of steps) {
    if (step.kind === 'typename') answers[step.key] = 'mutation_root';
    else if (step.kind === 'database') answers[step.key] = await asSession(pool, context.session, (client) => runDatabaseField(client, context, step.nodes));
    else answers[step.key] = await runActionField(context, root, context.roleSchema.actions.get(step.nodes[0]!.name.value)!, step.nodes, request);
  }
  return answers;
}

/**
 * A mutation operation, with Hasura v2's transaction rule: when every root field is a table
 * mutation they share one transaction with `hasura.user` set; otherwise (Hasura's "backwards
 * compatible transaction optimisation" does not apply) the fields run one after another, each
 * table mutation committed on its own. A request of action fields only opens no transaction.
 */
export async function runMutationRequest(pool: pg.Pool, context: CompileContext, fields: Map<string, FieldNode[]>, request: GraphQLRequest, clientHeaders: Record<string, string>): Promise<string> {
  const steps = stepsOf(context, fields);
  const allDatabase = steps.length > 0 && steps.every((step) => step.kind === 'database');
  const data = allDatabase ? await runInOneTransaction(pool, context, steps) : await runOneByOne(pool, context, steps, { query: request.query, clientHeaders });
  return JSON.stringify({ data });
}
