import { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { actionFields, actionsFor } from '../actions/action-fields.ts';
import type { ActionsConfig, ResolvedAction } from '../actions/resolve-actions.ts';
import type { EngineModel } from '../model/index.ts';
import type { BuildContext } from './context.ts';
import { queryRoot, type RootFieldTarget } from './query-root.ts';

export interface RoleSchema {
  role: string;
  schema: GraphQLSchema;
  /** query_root field name → what it selects. */
  queryFields: Map<string, RootFieldTarget>;
  /** Root field name → action, on query_root and mutation_root. */
  actions: Map<string, ResolvedAction>;
}

function mutationRoot(context: BuildContext, config: ActionsConfig, allowed: ResolvedAction[]): GraphQLObjectType | undefined {
  if (allowed.length === 0) return undefined;
  return new GraphQLObjectType({ name: 'mutation_root', fields: () => actionFields(context, allowed.map((a) => a.metadata), config.customTypes) });
}

/** The GraphQL schema one role sees: only what its permissions allow; admin sees everything. */
export function buildRoleSchema(model: EngineModel, config: ActionsConfig, role: string): RoleSchema {
  const context: BuildContext = { model, role, types: new Map() };
  const all = [...config.actions.values()];
  const byName = (names: string[]) => all.filter((a) => names.includes(a.metadata.name));
  const queryActions = byName(actionsFor(all.map((a) => a.metadata), role, 'query').map((a) => a.name));
  const mutationActions = byName(actionsFor(all.map((a) => a.metadata), role, 'mutation').map((a) => a.name));
  const queryFields = new Map<string, RootFieldTarget>();
  const extraQueryFields = () => actionFields(context, queryActions.map((a) => a.metadata), config.customTypes);
  const schema = new GraphQLSchema({
    query: queryRoot(context, queryFields, extraQueryFields),
    mutation: mutationRoot(context, config, mutationActions),
  });
  const actions = new Map([...queryActions, ...mutationActions].map((a) => [a.metadata.name, a]));
  return { role, schema, queryFields, actions };
}

/** Builds role schemas on first use and keeps them until the model changes. */
export class RoleSchemaCache {
  private readonly schemas = new Map<string, RoleSchema>();

  constructor(
    private readonly model: EngineModel,
    private readonly actions: ActionsConfig,
  ) {}

  get(role: string): RoleSchema {
    let schema = this.schemas.get(role);
    if (!schema) {
      schema = buildRoleSchema(this.model, this.actions, role);
      this.schemas.set(role, schema);
    }
    return schema;
  }
}
