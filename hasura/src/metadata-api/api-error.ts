import { EngineError, fromConnectionError, isConnectionFailure } from '../errors/index.ts';
import { UnsupportedFeatureError } from '../model/index.ts';

/**
 * Any thrown value as the API's error; engine limits become `not-supported`, an unreachable database
 * Hasura's `postgres-error` "connection error", bugs `unexpected` (500).
 */
export function toApiError(error: unknown): EngineError {
  if (error instanceof EngineError) return error;
  if (isConnectionFailure(error)) return fromConnectionError(error);
  if (error instanceof UnsupportedFeatureError) return new EngineError('not-supported', error.message);
  const message = error instanceof Error ? error.message : String(error);
  return new EngineError('unexpected', message, '$', 500);
}
