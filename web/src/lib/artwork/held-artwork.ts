import type { ArtworkTarget } from './artwork-target.ts';

/**
 * Files chosen on the quote request form, held in the browser's memory while the request is sent,
 * for the new quote's artwork panel to upload: a file can only be uploaded to a quote that exists.
 * The client-side navigation to the new quote keeps them; a full reload drops them, and the
 * panel's own chooser is there for that case.
 */
let held: { quoteId: string; files: File[] } | null = null;

export function holdArtwork(quoteId: string, files: File[]): void {
  held = files.length > 0 ? { quoteId, files } : null;
}

/** The files held for this quote, handed over once. */
export function takeHeldArtwork(target: ArtworkTarget): File[] {
  if (!held || !('quoteId' in target) || held.quoteId !== target.quoteId) return [];
  const { files } = held;
  held = null;
  return files;
}

/** The quote id of the page a successful request redirects to (`/quotes/<id>?requested=1`). */
export function quoteIdFromLocation(location: string): string | null {
  return /^\/quotes\/([0-9a-f-]{36})(?:[?#]|$)/i.exec(location)?.[1] ?? null;
}
