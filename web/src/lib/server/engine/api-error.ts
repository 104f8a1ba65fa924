import type { CombinedError } from '@urql/core';
import { SessionEndedError } from '../session/session-types.ts';
import { humanMessage } from './messages.ts';

/** A failed GraphQL operation, with a message a person can act on; `detail` is for the log only. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly code: string;
  readonly detail: string;

  constructor(code: string, message: string, detail: string) {
    super(message);
    this.code = code;
    this.detail = detail;
  }
}

/** Turns urql's error into SessionEndedError (passed through) or an ApiError with a human message. */
export function toApiError(error: CombinedError): Error {
  if (error.networkError instanceof SessionEndedError || error.networkError?.name === 'SessionEndedError') return error.networkError;
  const first = error.graphQLErrors[0];
  if (!first) return new ApiError('NETWORK', humanMessage('NETWORK'), error.networkError?.message ?? error.message);
  const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'unexpected';
  const reason = typeof first.extensions?.reason === 'string' ? first.extensions.reason : undefined;
  return new ApiError(code, humanMessage(code, reason, first.extensions ?? {}), first.message);
}
