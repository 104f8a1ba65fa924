import { PDFDocument, StandardFonts, cmyk } from 'pdf-lib';
import sharp from 'sharp';

/** A flyer as a careless export makes it: no trim or bleed box, Helvetica not embedded, a small RGB photo blown up. */
export async function carelessPdf(): Promise<Buffer> {
  const photo = await sharp({ create: { width: 60, height: 40, channels: 3, background: { r: 230, g: 40, b: 30 } } }).png().toBuffer();
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  page.drawText('Spring menu', { x: 50, y: 760, size: 36, font: await doc.embedFont(StandardFonts.Helvetica), color: cmyk(0, 0, 0, 1) });
  page.drawImage(await doc.embedPng(photo), { x: 50, y: 300, width: 300, height: 200 });
  return Buffer.from(await doc.save());
}

/** A page with a trim box and 3 mm bleed, no text and CMYK vector colour only. */
export async function carefulPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const bleed = (3 / 25.4) * 72;
  const page = doc.addPage([595.28 + 2 * bleed, 841.89 + 2 * bleed]);
  page.setTrimBox(bleed, bleed, 595.28, 841.89);
  page.setBleedBox(0, 0, 595.28 + 2 * bleed, 841.89 + 2 * bleed);
  page.drawRectangle({ x: 0, y: 0, width: 300, height: 300, color: cmyk(0.1, 0.8, 0, 0) });
  return Buffer.from(await doc.save());
}

/** A 300 ppi CMYK TIFF. */
export function printTiff(): Promise<Buffer> {
  // TIFF resolution is in pixels per millimetre; withMetadata would reset the colour space to sRGB.
  return sharp({ create: { width: 600, height: 400, channels: 3, background: { r: 20, g: 90, b: 160 } } }).toColourspace('cmyk').tiff({ xres: 300 / 25.4, yres: 300 / 25.4 }).toBuffer();
}

/** A 72 ppi RGB PNG, as from a web page. */
export function webPng(): Promise<Buffer> {
  return sharp({ create: { width: 200, height: 100, channels: 3, background: { r: 20, g: 200, b: 60 } } }).withMetadata({ density: 72 }).png().toBuffer();
}

