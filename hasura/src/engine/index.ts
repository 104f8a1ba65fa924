export { Engine } from './engine.ts';
export { buildEngineState, type EngineState } from './engine-state.ts';
export { executeGraphQL, prepareOperation, type Prepared, type RequestSession } from './execute-graphql.ts';
export { parseGraphQLBody, type GraphQLRequest } from './graphql-request.ts';
