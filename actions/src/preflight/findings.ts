import type { ArtworkPreflightResult } from '@portal/common';

/** One check of a preflight: its outcome and what the customer can do about it. */
export interface Finding {
  check: string;
  result: ArtworkPreflightResult;
  message: string;
}

/** The report stored in artwork_files.preflight_report; its summary is the worst finding. */
export interface PreflightReport {
  kind: 'pdf' | 'raster';
  findings: Finding[];
  facts: Record<string, unknown>;
}

const RANK: Record<ArtworkPreflightResult, number> = { PASS: 0, WARNING: 1, FAIL: 2 };

export function summarise(findings: readonly Finding[]): ArtworkPreflightResult {
  return findings.reduce<ArtworkPreflightResult>((worst, finding) => (RANK[finding.result] > RANK[worst] ? finding.result : worst), 'PASS');
}

/** Below these effective resolutions (pixels per inch at the printed size) an image looks soft or pixelated. */
export const MIN_PPI_FAIL = 150;
export const MIN_PPI_WARNING = 300;

export function resolutionFinding(check: string, ppi: number, what: string): Finding {
  const rounded = Math.round(ppi);
  if (ppi < MIN_PPI_FAIL) return { check, result: 'FAIL', message: `${what} is ${rounded} ppi at its printed size; use at least ${MIN_PPI_WARNING} ppi (below ${MIN_PPI_FAIL} it prints blurred).` };
  if (ppi < MIN_PPI_WARNING) return { check, result: 'WARNING', message: `${what} is ${rounded} ppi at its printed size; ${MIN_PPI_WARNING} ppi prints sharper.` };
  return { check, result: 'PASS', message: `${what} is ${rounded} ppi at its printed size.` };
}

export const mm = (points: number) => Math.round((points / 72) * 25.4 * 10) / 10;
