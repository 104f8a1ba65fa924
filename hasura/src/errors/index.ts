export {
  EngineError,
  errorBody,
  graphqlErrorBody,
  type EngineErrorOptions,
  type ErrorBody,
  type ErrorCode,
  type GraphQLErrorBody,
} from './engine-error.ts';
export { fromDatabaseError } from './database-errors.ts';
