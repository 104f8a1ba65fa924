/**
 * Hasura's error codes that the engine produces. The GraphQL endpoint renders them as
 * `{errors: [{message, extensions: {path, code}}]}`.
 */
export type ErrorCode =
  | 'access-denied'
  | 'bad-request'
  | 'constraint-error'
  | 'constraint-violation'
  | 'data-exception'
  | 'invalid-headers'
  | 'invalid-json'
  | 'invalid-jwt'
  | 'jwt-invalid-claims'
  | 'jwt-missing-role-claims'
  | 'not-found'
  | 'not-supported'
  | 'parse-failed'
  | 'permission-error'
  | 'postgres-error'
  | 'unexpected'
  | 'validation-failed';

export class EngineError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly path = '$',
    /** HTTP status for endpoints that use it (the GraphQL endpoint answers 200 except where Hasura does not). */
    readonly status = 400,
    /** Replaces Hasura's `{path, code}` extensions entirely (action handlers may supply their own). */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

export interface GraphQLErrorBody {
  errors: Array<{ message: string; extensions: Record<string, unknown> }>;
}

export function graphqlErrorBody(error: EngineError): GraphQLErrorBody {
  return { errors: [{ message: error.message, extensions: error.extensions ?? { path: error.path, code: error.code } }] };
}
