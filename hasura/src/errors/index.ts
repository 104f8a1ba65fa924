export {
  EngineError,
  errorBody,
  graphqlErrorBody,
  type EngineErrorOptions,
  type ErrorBody,
  type ErrorCode,
  type GraphQLErrorBody,
} from './engine-error.ts';
export { fromConnectionError, fromDatabaseError, isConnectionFailure } from './database-errors.ts';
