import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** pdfjs needs the metrics of the 14 standard fonts to draw text set in an unembedded one. */
const STANDARD_FONTS = `${join(pdfjsRoot, 'standard_fonts')}/`;

type PDFDocumentProxy = Awaited<ReturnType<typeof getDocument>['promise']>;

export interface RenderedPages {
  /** How many pages the document has (more than were drawn when it exceeds the limit). */
  pageCount: number;
  /** PNGs of pages 1..min(pageCount, maxPages). */
  pages: Buffer[];
}

async function drawPage(pdf: PDFDocumentProxy, number: number, longSide: number): Promise<Buffer> {
  const page = await pdf.getPage(number);
  const [x0, y0, x1, y1] = page.view as [number, number, number, number];
  const viewport = page.getViewport({ scale: longSide / Math.max(x1 - x0, y1 - y0) });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  // Paper is white; an unpainted canvas would be transparent.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvasContext: context as never, viewport, canvas: canvas as never }).promise;
  page.cleanup();
  return canvas.toBuffer('image/png');
}

/**
 * The first `maxPages` pages as PNGs, each with its longer side `longSide` pixels. pdfjs runs
 * without eval and without font-face loading; the whole render is cancelled after `timeoutMs` so
 * a hostile file cannot hang the scan.
 */
export async function renderPdfPages(bytes: Buffer, longSide: number, timeoutMs: number, maxPages: number): Promise<RenderedPages> {
  const loading = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, standardFontDataUrl: STANDARD_FONTS, verbosity: 0 });
  const timer = setTimeout(() => void loading.destroy(), timeoutMs);
  try {
    const pdf = await loading.promise;
    const pages: Buffer[] = [];
    for (let number = 1; number <= Math.min(pdf.numPages, maxPages); number++) pages.push(await drawPage(pdf, number, longSide));
    return { pageCount: pdf.numPages, pages };
  } finally {
    clearTimeout(timer);
    await loading.destroy();
  }
}
