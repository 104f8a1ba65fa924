import sharp from 'sharp';
import { renderPdfPages, type RenderedPages } from './render-pdf.ts';

export const PREVIEW_PIXELS = 1200;
export const THUMBNAIL_PIXELS = 240;
const RENDER_TIMEOUT_MS = 30_000;

/**
 * `preview` is page 1; `pages` holds pages 1..n (n ≤ the asked limit), `pageCount` how many the
 * file has. Or the reason there is no preview.
 */
export type Previews = { preview: Buffer; thumbnail: Buffer; pages: Buffer[]; pageCount: number } | { reason: string };

/** Formats sharp's prebuilt libvips decodes (PSD is not among them). */
const RASTERS = new Set(['image/tiff', 'image/png', 'image/jpeg']);
const PDF_LIKE = new Set(['application/pdf', 'application/illustrator']);

async function rasterPage(bytes: Buffer): Promise<RenderedPages> {
  // limitInputPixels keeps a decompression bomb from exhausting memory; page 0 of a multi-page TIFF.
  const image = await sharp(bytes, { limitInputPixels: 268_402_689, page: 0 }).rotate().resize(PREVIEW_PIXELS, PREVIEW_PIXELS, { fit: 'inside', withoutEnlargement: true }).png().toBuffer();
  return { pageCount: 1, pages: [image] };
}

async function pageImages(bytes: Buffer, contentType: string, maxPages: number): Promise<RenderedPages | string> {
  if (PDF_LIKE.has(contentType)) return renderPdfPages(bytes, PREVIEW_PIXELS, RENDER_TIMEOUT_MS, maxPages);
  if (RASTERS.has(contentType)) return rasterPage(bytes);
  if (contentType === 'image/vnd.adobe.photoshop') return 'Photoshop files get no preview here; the file itself is kept exactly as uploaded.';
  return 'PostScript and EPS files get no preview here; the file itself is kept exactly as uploaded.';
}

/**
 * PNG previews of the first `maxPages` pages (artwork asks for 1, proofs for every page up to a
 * cap) and a small thumbnail of page 1, or the reason there are none (a failure is a reason, never
 * a broken image).
 */
export async function makePreviews(bytes: Buffer, contentType: string, maxPages = 1): Promise<Previews> {
  try {
    const rendered = await pageImages(bytes, contentType, maxPages);
    if (typeof rendered === 'string') return { reason: rendered };
    const preview = rendered.pages[0];
    if (preview === undefined) return { reason: 'This file has no pages to preview.' };
    const thumbnail = await sharp(preview).resize(THUMBNAIL_PIXELS, THUMBNAIL_PIXELS, { fit: 'inside' }).png().toBuffer();
    return { preview, thumbnail, pages: rendered.pages, pageCount: rendered.pageCount };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { reason: `We could not draw a preview of this file (${why.slice(0, 200)}). Staff will check it by hand.` };
  }
}
