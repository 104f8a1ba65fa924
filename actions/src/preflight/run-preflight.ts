import { summarise, type PreflightReport } from './findings.ts';
import { preflightPdf } from './pdf-preflight.ts';
import { preflightRaster } from './raster-preflight.ts';

export interface Preflight {
  result: ReturnType<typeof summarise>;
  report: PreflightReport;
}

/**
 * The preflight of a file by its content type, or null when the portal has no check for it
 * (PostScript, EPS, Photoshop). A file that cannot be parsed fails with a reason.
 */
export async function runPreflight(bytes: Buffer, contentType: string): Promise<Preflight | null> {
  let report: PreflightReport;
  try {
    if (contentType === 'application/pdf' || (contentType === 'application/illustrator' && bytes.subarray(0, 5).toString('latin1') === '%PDF-')) {
      report = await preflightPdf(bytes);
    } else if (['image/tiff', 'image/png', 'image/jpeg'].includes(contentType)) {
      report = await preflightRaster(bytes);
    } else {
      return null;
    }
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    report = { kind: contentType.startsWith('image/') ? 'raster' : 'pdf', findings: [{ check: 'readable', result: 'FAIL', message: `We could not read this file (${why.slice(0, 200)}). Export it again and upload the new file.` }], facts: {} };
  }
  return { result: summarise(report.findings), report };
}
