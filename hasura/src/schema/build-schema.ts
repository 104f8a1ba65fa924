import { GraphQLObjectType, GraphQLSchema, type DocumentNode } from 'graphql';
import type { ActionsConfig, EngineModel, ResolvedAction } from '../model/index.ts';
import { actionFields, actionsFor } from './action-root-fields.ts';
import type { BuildContext } from './context.ts';
import { tableMutationFields, type MutationFieldTarget } from './mutation-root.ts';
import { queryRoot, type RootFieldTarget } from './query-root.ts';
import { subscriptionRoot } from './subscription-root.ts';

export interface RoleSchema {
  role: string;
  /** Built for a request that may use `backend_only` permissions. */
  backendOnly: boolean;
  schema: GraphQLSchema;
  /** query_root field name → what it selects. */
  queryFields: Map<string, RootFieldTarget>;
  /** subscription_root field name → what it selects (live query or `<t>_stream`). */
  subscriptionFields: Map<string, RootFieldTarget>;
  /** mutation_root field name → the table mutation it stands for. */
  mutationFields: Map<string, MutationFieldTarget>;
  /** Root field name → action, on query_root and mutation_root. */
  actions: Map<string, ResolvedAction>;
  /** Query texts already parsed and validated against this schema (see execute-graphql.ts). */
  validatedDocuments: Map<string, DocumentNode>;
}

function mutationRoot(context: BuildContext, config: ActionsConfig, allowed: ResolvedAction[], targets: Map<string, MutationFieldTarget>): GraphQLObjectType | undefined {
  const fields = { ...tableMutationFields(context, targets), ...actionFields(context, allowed.map((a) => a.metadata), config.customTypes) };
  if (Object.keys(fields).length === 0) return undefined;
  return new GraphQLObjectType({ name: 'mutation_root', fields });
}

/** The GraphQL schema one role sees: only what its permissions allow; admin sees everything. */
export function buildRoleSchema(model: EngineModel, config: ActionsConfig, role: string, backendOnly = false): RoleSchema {
  const context: BuildContext = { model, role, backendOnly, types: new Map() };
  const all = [...config.actions.values()];
  const byName = (names: string[]) => all.filter((a) => names.includes(a.metadata.name));
  const queryActions = byName(actionsFor(all.map((a) => a.metadata), role, 'query').map((a) => a.name));
  const mutationActions = byName(actionsFor(all.map((a) => a.metadata), role, 'mutation').map((a) => a.name));
  const queryFields = new Map<string, RootFieldTarget>();
  const mutationFields = new Map<string, MutationFieldTarget>();
  const subscriptionFields = new Map<string, RootFieldTarget>();
  const extraQueryFields = () => actionFields(context, queryActions.map((a) => a.metadata), config.customTypes);
  const schema = new GraphQLSchema({
    query: queryRoot(context, queryFields, extraQueryFields),
    mutation: mutationRoot(context, config, mutationActions, mutationFields),
    subscription: subscriptionRoot(context, subscriptionFields),
  });
  const actions = new Map([...queryActions, ...mutationActions].map((a) => [a.metadata.name, a]));
  return { role, backendOnly, schema, queryFields, subscriptionFields, mutationFields, actions, validatedDocuments: new Map() };
}

/** Builds role schemas on first use and keeps them until the model changes. */
export class RoleSchemaCache {
  private readonly schemas = new Map<string, RoleSchema>();

  constructor(
    private readonly model: EngineModel,
    private readonly actions: ActionsConfig,
  ) {}

  /** `backendOnly`: the request may use `backend_only` mutation permissions. */
  get(role: string, backendOnly = false): RoleSchema {
    const key = `${role}${backendOnly ? '#backend' : ''}`;
    let schema = this.schemas.get(key);
    if (!schema) {
      schema = buildRoleSchema(this.model, this.actions, role, backendOnly);
      this.schemas.set(key, schema);
    }
    return schema;
  }
}
