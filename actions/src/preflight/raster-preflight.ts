import sharp from 'sharp';
import { resolutionFinding, type Finding, type PreflightReport } from './findings.ts';

const COLOUR_MODES: Record<string, string> = { srgb: 'RGB', rgb: 'RGB', rgb16: 'RGB', cmyk: 'CMYK', 'b-w': 'Gray', grey16: 'Gray' };

/** Preflight of a TIFF, PNG or JPEG with sharp: pixel size, resolution, colour mode. */
export async function preflightRaster(bytes: Buffer): Promise<PreflightReport> {
  const meta = await sharp(bytes, { limitInputPixels: 268_402_689 }).metadata();
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  const dpi = meta.density ?? null;
  const colourMode = COLOUR_MODES[meta.space ?? ''] ?? meta.space ?? 'unknown';
  const findings: Finding[] = [{ check: 'pixel_size', result: 'PASS', message: `${width} × ${height} pixels.` }];
  if (dpi === null) {
    findings.push({ check: 'resolution', result: 'WARNING', message: `The file does not say its resolution; at 300 ppi it prints ${Math.round((width / 300) * 25.4)} × ${Math.round((height / 300) * 25.4)} mm.` });
  } else {
    findings.push(resolutionFinding('resolution', dpi, 'The image'));
  }
  findings.push(colourMode === 'RGB'
    ? { check: 'colour', result: 'WARNING', message: 'The image is RGB; printed in CMYK, bright colours may look duller. Convert to CMYK to judge the result yourself.' }
    : { check: 'colour', result: 'PASS', message: `Colour mode: ${colourMode}.` });
  return { kind: 'raster', findings, facts: { width, height, dpi, colourMode, format: meta.format ?? null } };
}
