import { describe, expect, test } from 'vitest';
import { runPreflight } from '../src/preflight/run-preflight.ts';
import { makePreviews } from '../src/previews/make-previews.ts';
import { readContent } from '../src/preflight/content-stream.ts';
import { carefulPdf, carelessPdf, printTiff, webPng } from './support/artwork-samples.ts';
import sharp from 'sharp';

const byCheck = (findings: { check: string; result: string; message: string }[]) => Object.fromEntries(findings.map((finding) => [finding.check, finding]));

describe('PDF preflight (pdf-lib)', () => {
  test('finds the missing bleed, the unembedded font and the RGB, low-resolution image', async () => {
    const preflight = (await runPreflight(await carelessPdf(), 'application/pdf'))!;
    const findings = byCheck(preflight.report.findings);
    expect(preflight.result).toBe('FAIL');
    expect(findings.pages).toMatchObject({ result: 'PASS', message: '1 page.' });
    expect(findings.bleed).toMatchObject({ result: 'WARNING', message: expect.stringContaining('Page 1 has no bleed') });
    expect(findings.trim_box).toMatchObject({ result: 'WARNING' });
    expect(findings.fonts).toMatchObject({ result: 'FAIL', message: expect.stringContaining('Not embedded: Helvetica') });
    expect(findings.colour).toMatchObject({ result: 'WARNING', message: expect.stringContaining('RGB') });
    expect(findings.image_resolution).toMatchObject({ result: 'FAIL', message: 'An image on page 1 is 14 ppi at its printed size; use at least 300 ppi (below 150 it prints blurred).' });
    expect(preflight.report.facts).toMatchObject({ pageCount: 1, pages: [{ page: 1, widthMm: 210, heightMm: 297, trimBox: false, bleedBox: false }], fonts: [{ name: 'Helvetica', embedded: false }] });
  });

  test('passes a page with trim box, 3 mm bleed and CMYK colour', async () => {
    const preflight = (await runPreflight(await carefulPdf(), 'application/pdf'))!;
    expect(preflight.report.findings.filter((finding) => finding.result !== 'PASS')).toEqual([]);
    expect(preflight.result).toBe('PASS');
  });

  test('a file that is not a readable PDF fails with a reason, it does not throw', async () => {
    const preflight = (await runPreflight(Buffer.from('%PDF-1.4\ngarbage'), 'application/pdf'))!;
    expect(preflight.result).toBe('FAIL');
    expect(preflight.report.findings[0]!.message).toMatch(/^We could not read this file/);
  });

  test('the content reader follows q/Q/cm to the placed size', () => {
    expect(readContent('q 2 0 0 3 0 0 cm q 100 0 0 50 10 10 cm /Im1 Do Q Q (1 0 0 1 0 0 cm) Tj 0 0 1 rg').placed).toEqual([{ name: 'Im1', width: 200, height: 150 }]);
    expect(readContent('0 0 0 1 k').usesRgbOperators).toBe(false);
  });
});

describe('raster preflight (sharp)', () => {
  test('a 300 ppi CMYK TIFF passes with its pixel size', async () => {
    const preflight = (await runPreflight(await printTiff(), 'image/tiff'))!;
    expect(preflight.result).toBe('PASS');
    expect(preflight.report.facts).toMatchObject({ width: 600, height: 400, dpi: 300, colourMode: 'CMYK' });
  });

  test('a 72 ppi RGB PNG fails on resolution and warns on colour', async () => {
    const findings = byCheck((await runPreflight(await webPng(), 'image/png'))!.report.findings);
    expect(findings.resolution).toMatchObject({ result: 'FAIL' });
    expect(findings.colour).toMatchObject({ result: 'WARNING' });
  });

  test('PostScript and Photoshop files get no preflight', async () => {
    expect(await runPreflight(Buffer.from('%!PS-Adobe-3.0'), 'application/postscript')).toBeNull();
  });
});

describe('previews', () => {
  test('a PDF\'s first page and a TIFF become a 1200 px preview and a 240 px thumbnail', async () => {
    for (const [bytes, type] of [[await carelessPdf(), 'application/pdf'], [await printTiff(), 'image/tiff']] as const) {
      const previews = await makePreviews(bytes, type);
      if ('reason' in previews) throw new Error(previews.reason);
      const [preview, thumbnail] = await Promise.all([sharp(previews.preview).metadata(), sharp(previews.thumbnail).metadata()]);
      expect(Math.max(preview.width!, preview.height!), type).toBe(type === 'application/pdf' ? 1200 : 600);
      expect(Math.max(thumbnail.width!, thumbnail.height!), type).toBe(240);
      expect(preview.format).toBe('png');
    }
  });

  test('files that cannot be drawn get a reason, never a broken image', async () => {
    expect(await makePreviews(Buffer.from('8BPS'), 'image/vnd.adobe.photoshop')).toEqual({ reason: expect.stringContaining('Photoshop files get no preview') });
    expect(await makePreviews(Buffer.from('%PDF-1.4\nnot really'), 'application/pdf')).toEqual({ reason: expect.stringMatching(/^We could not draw a preview/) });
  });
});
