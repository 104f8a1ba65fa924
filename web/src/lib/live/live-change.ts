/** One message of a live page's event stream: which topic changed, a digest of it, and when. */
export interface LiveChange {
  topic: string;
  signature: string;
  /** The newest `updated_at` the topic covers (database time), null when it covers no rows. */
  changedAt: string | null;
}

/**
 * How far the database's clock may run ahead of the web server's before a change made just before
 * a page loaded is mistaken for one made after it; erring this way costs one extra reload.
 */
export const CLOCK_MARGIN_MS = 5_000;

/**
 * Whether a live message means the page shows stale data. `previous` is the topic's last signature
 * seen on this page (any connection), undefined for the first. The first message is the state at
 * subscription time: it matters only when that state changed after the page's data was loaded.
 */
export function needsReload(change: LiveChange, previous: string | undefined, loadedAt: string): boolean {
  if (previous !== undefined) return previous !== change.signature;
  if (!change.changedAt) return false;
  return Date.parse(change.changedAt) > Date.parse(loadedAt) - CLOCK_MARGIN_MS;
}
