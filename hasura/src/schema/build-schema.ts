import { GraphQLSchema } from 'graphql';
import type { EngineModel } from '../model/index.ts';
import { queryRoot, type RootFieldTarget } from './query-root.ts';

export interface RoleSchema {
  role: string;
  schema: GraphQLSchema;
  /** query_root field name → what it selects. */
  queryFields: Map<string, RootFieldTarget>;
}

/** The GraphQL schema one role sees: only what its permissions allow; admin sees everything. */
export function buildRoleSchema(model: EngineModel, role: string): RoleSchema {
  const context = { model, role, types: new Map() };
  const queryFields = new Map<string, RootFieldTarget>();
  const schema = new GraphQLSchema({ query: queryRoot(context, queryFields) });
  return { role, schema, queryFields };
}

/** Builds role schemas on first use and keeps them until the model changes. */
export class RoleSchemaCache {
  private readonly schemas = new Map<string, RoleSchema>();

  constructor(private readonly model: EngineModel) {}

  get(role: string): RoleSchema {
    let schema = this.schemas.get(role);
    if (!schema) {
      schema = buildRoleSchema(this.model, role);
      this.schemas.set(role, schema);
    }
    return schema;
  }
}
