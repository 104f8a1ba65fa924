import sharp from 'sharp';
import { renderPdfFirstPage } from './render-pdf.ts';

export const PREVIEW_PIXELS = 1200;
export const THUMBNAIL_PIXELS = 240;
const RENDER_TIMEOUT_MS = 30_000;

export type Previews = { preview: Buffer; thumbnail: Buffer } | { reason: string };

/** Formats sharp's prebuilt libvips decodes (PSD is not among them). */
const RASTERS = new Set(['image/tiff', 'image/png', 'image/jpeg']);
const PDF_LIKE = new Set(['application/pdf', 'application/illustrator']);

async function firstPageImage(bytes: Buffer, contentType: string): Promise<Buffer | string> {
  if (PDF_LIKE.has(contentType)) return renderPdfFirstPage(bytes, PREVIEW_PIXELS, RENDER_TIMEOUT_MS);
  if (RASTERS.has(contentType)) {
    // limitInputPixels keeps a decompression bomb from exhausting memory; page 0 of a multi-page TIFF.
    return sharp(bytes, { limitInputPixels: 268_402_689, page: 0 }).rotate().resize(PREVIEW_PIXELS, PREVIEW_PIXELS, { fit: 'inside', withoutEnlargement: true }).png().toBuffer();
  }
  if (contentType === 'image/vnd.adobe.photoshop') return 'Photoshop files get no preview here; the file itself is kept exactly as uploaded.';
  return 'PostScript and EPS files get no preview here; the file itself is kept exactly as uploaded.';
}

/** A first-page PNG and a small thumbnail, or the reason there is none (a failure is a reason, never a broken image). */
export async function makePreviews(bytes: Buffer, contentType: string): Promise<Previews> {
  try {
    const image = await firstPageImage(bytes, contentType);
    if (typeof image === 'string') return { reason: image };
    const thumbnail = await sharp(image).resize(THUMBNAIL_PIXELS, THUMBNAIL_PIXELS, { fit: 'inside' }).png().toBuffer();
    return { preview: image, thumbnail };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { reason: `We could not draw a preview of this file (${why.slice(0, 200)}). Staff will check it by hand.` };
  }
}
