import { m } from '../../../../lib/paraglide/messages.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** A key's name: 1–100 characters after trimming, as the action requires. */
export function parseKeyName(raw: string): Parsed<string> {
  const name = raw.trim();
  return name.length >= 1 && name.length <= 100 ? { ok: true, value: name } : { ok: false, error: m.company_keys_name_missing() };
}

/**
 * A webhook's address and description as typed. Only presence and length are checked here; the
 * action server decides which addresses are allowed (https, public host) and says why not.
 */
export function parseEndpoint(rawUrl: string, rawDescription: string): Parsed<{ url: string; description: string | null }> {
  const url = rawUrl.trim();
  const description = rawDescription.trim();
  if (url.length === 0 || url.length > 2000) return { ok: false, error: m.company_webhooks_url_missing() };
  if (description.length > 500) return { ok: false, error: m.company_webhooks_description_too_long() };
  return { ok: true, value: { url, description: description === '' ? null : description } };
}

/** An id from a hidden field, or null when it was tampered with. */
export function parseId(raw: string): string | null {
  return UUID.test(raw) ? raw : null;
}
