import { defaultHeadersBesides, type ResolvedWebhook } from './webhook-config.ts';

/** What came back from one delivery attempt. */
export type WebhookOutcome =
  | { kind: 'response'; status: number; headers: Array<{ name: string; value: string }>; body: string }
  /** No HTTP response: connection refused, timeout, invalid URL. */
  | { kind: 'failure'; message: string };

/** The engine is stopping: the attempt did not finish and must not count as one. */
export class DeliveryAborted extends Error {
  constructor() {
    super('delivery aborted because event processing is stopping');
    this.name = 'DeliveryAborted';
  }
}

function failureMessage(error: unknown, timedOut: boolean): string {
  if (timedOut) return JSON.stringify({ type: 'http_exception', message: 'Response timeout' });
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message ?? (error as Error).message;
  return JSON.stringify({ type: 'http_exception', message: String(detail) });
}

/**
 * POSTs `body` as Hasura does (JSON; its default headers, which configured headers of the same
 * name replace) within the webhook's timeout. Any HTTP answer is an outcome, whatever its
 * status; `stop` aborts it.
 */
export async function postWebhook(webhook: ResolvedWebhook, body: string, stop: AbortSignal): Promise<WebhookOutcome> {
  const timeout = AbortSignal.timeout(webhook.timeoutMs);
  const headers = new Headers([...defaultHeadersBesides(webhook.headers), ...webhook.headers]);
  try {
    const response = await fetch(webhook.url, { method: 'POST', headers, body, signal: AbortSignal.any([timeout, stop]) });
    const text = await response.text();
    const responseHeaders = [...response.headers].map(([name, value]) => ({ name, value }));
    return { kind: 'response', status: response.status, headers: responseHeaders, body: text };
  } catch (error) {
    if (stop.aborted) throw new DeliveryAborted();
    return { kind: 'failure', message: failureMessage(error, timeout.aborted) };
  }
}

export function isSuccess(outcome: WebhookOutcome): boolean {
  return outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300;
}

/** A `Retry-After` of a positive whole number of seconds on a non-2xx answer, as Hasura honours it. */
export function retryAfterSeconds(outcome: WebhookOutcome): number | null {
  if (outcome.kind !== 'response' || isSuccess(outcome)) return null;
  const header = outcome.headers.find((h) => h.name.toLowerCase() === 'retry-after');
  if (!header || !/^\s*\d+\s*$/.test(header.value)) return null;
  const seconds = Number(header.value);
  return seconds > 0 ? seconds : null;
}
