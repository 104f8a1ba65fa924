/**
 * Hasura's error codes (Hasura.Base.Error) that the engine, the metadata API and the query API
 * produce. Action handlers may answer with codes of their own.
 */
export type ErrorCode =
  | 'access-denied'
  | 'already-exists'
  | 'already-tracked'
  | 'already-untracked'
  | 'bad-request'
  | 'conflict'
  | 'constraint-error'
  | 'constraint-violation'
  | 'data-exception'
  | 'dependency-error'
  | 'invalid-configuration'
  | 'invalid-headers'
  | 'invalid-json'
  | 'invalid-jwt'
  | 'invalid-params'
  | 'jwt-invalid-claims'
  | 'jwt-missing-role-claims'
  | 'not-exists'
  | 'not-found'
  | 'not-supported'
  | 'parse-failed'
  | 'permission-denied'
  | 'permission-error'
  | 'postgres-error'
  | 'postgres-max-connections-error'
  | 'unexpected'
  | 'unexpected-payload'
  | 'validation-failed';

export interface EngineErrorOptions {
  /** Replaces Hasura's `{path, code}` extensions entirely on the GraphQL endpoint (action handlers may supply their own). */
  extensions?: Record<string, unknown>;
  /** Hasura's `internal` detail on the admin APIs: the failed SQL, the inconsistent objects. */
  internal?: unknown;
  /** The failure underneath, for the server log only. */
  cause?: unknown;
}

/**
 * An error in Hasura's terms, whichever endpoint reports it: `/v1/graphql` renders it with
 * `graphqlErrorBody`, the metadata and query APIs (and `/v1alpha1/graphql`) with `errorBody`.
 */
export class EngineError extends Error {
  readonly extensions?: Record<string, unknown>;
  readonly internal?: unknown;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly path = '$',
    /** HTTP status for endpoints that use it (the GraphQL endpoint answers 200 except where Hasura does not). */
    readonly status = 400,
    options: EngineErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'EngineError';
    if (options.extensions !== undefined) this.extensions = options.extensions;
    if (options.internal !== undefined) this.internal = options.internal;
  }
}

export interface GraphQLErrorBody {
  errors: Array<{ message: string; extensions: Record<string, unknown> }>;
}

/** `{errors: [{message, extensions: {path, code}}]}`, the body of an error on `/v1/graphql`. */
export function graphqlErrorBody(error: EngineError): GraphQLErrorBody {
  return { errors: [{ message: error.message, extensions: error.extensions ?? { path: error.path, code: error.code } }] };
}

export interface ErrorBody {
  path: string;
  error: string;
  code: string;
  internal?: unknown;
}

/** `{path, error, code, internal?}`, Hasura's error body everywhere but on `/v1/graphql`. */
export function errorBody(error: EngineError): ErrorBody {
  const body: ErrorBody = { path: error.path, error: error.message, code: error.code };
  if (error.internal !== undefined) body.internal = error.internal;
  return body;
}
