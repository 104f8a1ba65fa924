import { isIP } from 'node:net';

export interface WebhookUrlPolicy {
  /** Development and tests: plain http:// (and https://) to a loopback host. */
  allowLoopbackHttp: boolean;
}

export type WebhookUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.']);

function isLoopback(host: string): boolean {
  if (LOOPBACK_NAMES.has(host)) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '[::1]';
}

/** Literal private, link-local and unspecified addresses: a customer's receiver is never one of ours. */
function isPrivateAddress(host: string): boolean {
  if (isIP(host) === 4) {
    const [a, b] = host.split('.').map(Number) as [number, number];
    return a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  if (host.startsWith('[')) return /^\[(f[cd]|fe[89ab]|::ffff:|::\])/i.test(host);
  return false;
}

/**
 * Whether a webhook address may be registered: https:// to a public host, or (when the policy
 * allows, never in production) http(s):// to a loopback host. Credentials in the URL are refused:
 * they would show on the integrations page. Host names are not resolved here, so this does not
 * stop a public name that points at a private address.
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
  const loopback = isLoopback(url.hostname);
  if (loopback && policy.allowLoopbackHttp) return { ok: true, url: url.href };
  if (url.protocol === 'http:') return { ok: false, reason: 'The webhook address must start with https:// so the events travel encrypted.' };
  if (loopback || isPrivateAddress(url.hostname)) return { ok: false, reason: 'The webhook address must be on the public internet, not a local or private address.' };
  return { ok: true, url: url.href };
}
