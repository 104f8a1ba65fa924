import { BLOCKED_ADDRESS, postWebhook } from './webhook-http.ts';
import { signWebhook } from './webhook-signature.ts';

/** What one attempt came to: delivered, worth another try, or never going to work. */
export type AttemptOutcome =
  | { kind: 'delivered'; responseCode: number }
  | { kind: 'retry'; responseCode: number | null; error: string }
  | { kind: 'permanent'; responseCode: number | null; error: string };

export interface WebhookRequest {
  url: string;
  secret: string;
  eventId: string;
  body: string;
}

/**
 * 2xx is delivered; 429 and 5xx are retried (the receiver is busy or broken for now); any other
 * answer, redirects included (they are not followed, so a receiver cannot send us elsewhere), is
 * permanent: the same request will be refused again.
 */
export function classifyResponse(status: number): AttemptOutcome {
  if (status >= 200 && status < 300) return { kind: 'delivered', responseCode: status };
  if (status === 429 || status >= 500) return { kind: 'retry', responseCode: status, error: `The endpoint answered ${status}.` };
  if (status >= 300 && status < 400) {
    return { kind: 'permanent', responseCode: status, error: `The endpoint answered ${status}, a redirect; redirects are not followed, so register the final address.` };
  }
  return { kind: 'permanent', responseCode: status, error: `The endpoint answered ${status}; a 4xx answer other than 429 is not retried.` };
}

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'The connection was refused: nothing is listening at that address.',
  ENOTFOUND: 'The host name does not resolve.',
  ECONNRESET: 'The connection was reset before an answer came.',
  EHOSTUNREACH: 'The host cannot be reached.',
  ETIMEDOUT: 'The connection timed out.',
  EPROTO: 'The secure connection could not be set up.',
};

/** A failed request in words, for the delivery log (never the URL: its query may carry a token). */
function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `No answer within ${timeoutMs / 1000} s.`;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return 'The request failed before an answer came.';
  if (NETWORK_WORDS[code]) return NETWORK_WORDS[code];
  if (/CERT|SSL|TLS/.test(code)) return `The TLS certificate was not accepted (${code}).`;
  return `The request failed (${code}).`;
}

/**
 * POSTs one signed delivery with a timeout; any failure becomes an outcome, never a throw. An
 * address on a local or private network is a permanent failure: retrying cannot make it public.
 */
export async function attemptDelivery(request: WebhookRequest, now: Date, options: { timeoutMs: number; allowLoopback: boolean }): Promise<AttemptOutcome> {
  const timestamp = Math.floor(now.getTime() / 1000);
  try {
    const status = await postWebhook(request.url, {
      headers: {
        'content-type': 'application/json',
        'user-agent': 'PrintPortal-Webhooks/1',
        'x-portal-webhook-id': request.eventId,
        'x-portal-webhook-timestamp': String(timestamp),
        'x-portal-webhook-signature': signWebhook(request.secret, timestamp, request.body),
      },
      body: request.body,
      timeoutMs: options.timeoutMs,
      allowLoopback: options.allowLoopback,
    });
    return classifyResponse(status);
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === BLOCKED_ADDRESS) {
      return { kind: 'permanent', responseCode: null, error: 'The address leads to a local or private network; webhooks are sent to the public internet only.' };
    }
    return { kind: 'retry', responseCode: null, error: describeNetworkError(error, options.timeoutMs) };
  }
}
