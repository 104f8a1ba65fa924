import type { WebhookHeaderConf } from '@portal/hasura-metadata';
import { isSuccess, retryAfterSeconds, type WebhookOutcome } from './post-webhook.ts';
import { addSeconds } from './clock.ts';

/**
 * One delivery attempt as Hasura records it in `*_invocation_logs`: the request (payload and
 * headers, never from-env values) and the response, `webhook_response` for a 2xx answer and
 * `client_error` (the body or the error as `message`) for anything else.
 */
export interface InvocationRecord {
  status: number | null;
  request: { payload: unknown; headers: WebhookHeaderConf[]; version: string };
  response: { type: 'webhook_response' | 'client_error'; data: Record<string, unknown>; version: string };
}

/** Hasura's invocation log versions: "2" for event triggers, "1" for scheduled (cron) events. */
export const EVENT_INVOCATION_VERSION = '2';
export const CRON_INVOCATION_VERSION = '1';

export function invocationRecord(payload: unknown, headers: WebhookHeaderConf[], outcome: WebhookOutcome, version: string): InvocationRecord {
  const request = { payload, headers, version };
  if (outcome.kind === 'failure') {
    return { status: null, request, response: { type: 'client_error', data: { message: outcome.message }, version } };
  }
  const response = isSuccess(outcome)
    ? { type: 'webhook_response' as const, data: { body: outcome.body, headers: outcome.headers, status: outcome.status }, version }
    : { type: 'client_error' as const, data: { message: outcome.body }, version };
  return { status: outcome.status, request, response };
}

/** After a failed attempt: try again at `at`, or give up (`error`). */
export type RetryDecision = { kind: 'retry'; at: Date } | { kind: 'error' };

/**
 * Hasura's rule: with `tries` attempts made before this one, give up once `tries >= numRetries`
 * unless the answer carries a usable `Retry-After`; otherwise retry after `Retry-After` seconds,
 * or after the configured interval.
 */
export function decideRetry(outcome: WebhookOutcome, tries: number, numRetries: number, intervalSec: number, now: Date): RetryDecision {
  const retryAfter = retryAfterSeconds(outcome);
  if (tries >= numRetries && retryAfter === null) return { kind: 'error' };
  return { kind: 'retry', at: addSeconds(now, retryAfter ?? intervalSec) };
}
