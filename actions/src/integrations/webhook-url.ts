import { addressKind, mayConnect } from './network-address.ts';

export interface WebhookUrlPolicy {
  /** Development and tests: plain http:// (and https://) to a loopback host. */
  allowLoopbackHttp: boolean;
}

export type WebhookUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.']);

/**
 * Whether a webhook address may be registered: https:// to a public host, or (when the policy
 * allows, never in production) http(s):// to a loopback host. Credentials in the URL are refused:
 * they would show on the integrations page. A host name is checked again when each request
 * connects (webhook-http.ts), since what it resolves to can change.
 */
export function checkWebhookUrl(raw: string, policy: WebhookUrlPolicy): WebhookUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: 'The webhook address is not a URL; it looks like https://erp.example.com/portal-webhooks.' };
  }
  if (url.username || url.password) return { ok: false, reason: 'Remove the user name and password from the webhook address; requests are signed instead.' };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'The webhook address must start with https://.' };
  const kind = LOOPBACK_NAMES.has(url.hostname) ? 'loopback' : addressKind(url.hostname);
  if (kind === 'loopback' && policy.allowLoopbackHttp) return { ok: true, url: url.href };
  if (url.protocol === 'http:') return { ok: false, reason: 'The webhook address must start with https:// so the events travel encrypted.' };
  if (kind !== null && !mayConnect(kind, false)) return { ok: false, reason: 'The webhook address must be on the public internet, not a local or private address.' };
  return { ok: true, url: url.href };
}
