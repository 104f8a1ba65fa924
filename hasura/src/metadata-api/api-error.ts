import { EngineError } from '../errors/index.ts';
import { UnsupportedFeatureError } from '../model/index.ts';

/**
 * Hasura's error codes on the metadata and query APIs (Hasura.Base.Error). Kept here rather than
 * in `errors/` because only these APIs produce the metadata-specific ones.
 */
export type ApiErrorCode =
  | 'already-exists'
  | 'already-tracked'
  | 'already-untracked'
  | 'conflict'
  | 'constraint-violation'
  | 'dependency-error'
  | 'invalid-configuration'
  | 'invalid-params'
  | 'not-exists'
  | 'not-supported'
  | 'parse-failed'
  | 'permission-denied'
  | 'postgres-error'
  | 'unexpected'
  | EngineError['code'];

/** An error of the metadata/query APIs: rendered as `{path, error, code, internal?}` with `status`. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly path = '$',
    readonly status = 400,
    readonly internal?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The same error reported at a deeper path (inside `bulk`, or inside `args`). */
  at(path: string): ApiError {
    return new ApiError(this.code, this.message, path, this.status, this.internal);
  }
}

export interface ApiErrorBody {
  path: string;
  error: string;
  code: string;
  internal?: unknown;
}

export function errorBody(error: ApiError): ApiErrorBody {
  const body: ApiErrorBody = { path: error.path, error: error.message, code: error.code };
  if (error.internal !== undefined) body.internal = error.internal;
  return body;
}

/** Any thrown value as an ApiError; engine limits become `not-supported`, bugs `unexpected` (500). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof UnsupportedFeatureError) return new ApiError('not-supported', error.message);
  if (error instanceof EngineError) return new ApiError(error.code, error.message, error.path, error.status);
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError('unexpected', message, '$', 500);
}
