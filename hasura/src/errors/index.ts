export { EngineError, graphqlErrorBody, type ErrorCode, type GraphQLErrorBody } from './engine-error.ts';
export { fromDatabaseError } from './database-errors.ts';
