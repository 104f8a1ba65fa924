import type { Readable } from 'node:stream';
import type { AppDeps } from '../app-deps.ts';
import { runPreflight, type Preflight } from '../preflight/run-preflight.ts';
import { makePreviews } from '../previews/make-previews.ts';
import type { ArtworkRow } from './artwork-store.ts';
import { pagePreviewKey, previewKey, thumbnailKey } from './storage-keys.ts';

/**
 * Proofs get a preview of every page, up to this many: enough for a brochure, and a bound on the
 * time and storage one file can take.
 */
export const PROOF_PAGE_LIMIT = 40;

/** What a clean file gets: preview and thumbnail keys (or why there are none), page facts and its preflight. */
export interface Derived {
  previewKey: string | null;
  thumbnailKey: string | null;
  noPreviewReason: string | null;
  pageCount: number | null;
  /** Page previews stored under pages/<n>.png (proof files only). */
  pagePreviews: number;
  preflight: Preflight | null;
}

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * Renders the previews and runs the preflight of a file that scanned clean, storing the images
 * as derived objects beside the original. Runs only after the scan: parsers never see unscanned bytes.
 */
export async function deriveFiles(deps: AppDeps, file: ArtworkRow, key: string): Promise<Derived> {
  const bytes = await readAll(await deps.storage.read(key));
  const maxPages = file.purpose === 'PROOF' ? PROOF_PAGE_LIMIT : 1;
  const [previews, preflight] = await Promise.all([makePreviews(bytes, file.content_type, maxPages), runPreflight(bytes, file.content_type)]);
  if ('reason' in previews) {
    return { previewKey: null, thumbnailKey: null, noPreviewReason: previews.reason, pageCount: null, pagePreviews: 0, preflight };
  }
  const keys = { preview: previewKey(key), thumbnail: thumbnailKey(key) };
  await deps.storage.write(keys.preview, previews.preview, 'image/png');
  await deps.storage.write(keys.thumbnail, previews.thumbnail, 'image/png');
  const pagePreviews = file.purpose === 'PROOF' ? previews.pages : [];
  for (const [index, image] of pagePreviews.entries()) await deps.storage.write(pagePreviewKey(key, index + 1), image, 'image/png');
  return {
    previewKey: keys.preview, thumbnailKey: keys.thumbnail, noPreviewReason: null,
    pageCount: previews.pageCount, pagePreviews: pagePreviews.length, preflight,
  };
}
