import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFObject, type PDFPage } from 'pdf-lib';
import { readContent } from './content-stream.ts';
import { mm, resolutionFinding, type Finding, type PreflightReport } from './findings.ts';

/** Pages beyond this are counted but not inspected, so a 2,000-page file cannot stall the scan. */
const MAX_PAGES_INSPECTED = 50;
/** 3 mm, the usual bleed; less than about 2 mm is treated as no bleed. */
const MIN_BLEED_POINTS = (2 / 25.4) * 72;

const name = (value: string) => PDFName.of(value);

function dictOf(owner: PDFDict, key: string): PDFDict | undefined {
  const value = owner.lookup(name(key));
  return value instanceof PDFDict ? value : undefined;
}

function boxOf(page: PDFPage, key: string): number[] | null {
  const value = page.node.lookup(name(key));
  if (!(value instanceof PDFArray)) return null;
  return value.asArray().map((item) => (item instanceof PDFNumber ? item.asNumber() : Number.NaN));
}

/** Colour model of a colour space object: RGB, CMYK, Gray, Spot or Other. */
export function colourModel(space: PDFObject | undefined, doc: PDFDocument): string {
  const resolved = space instanceof PDFRef ? doc.context.lookup(space) : space;
  if (resolved instanceof PDFName) {
    return ({ '/DeviceRGB': 'RGB', '/CalRGB': 'RGB', '/DeviceCMYK': 'CMYK', '/DeviceGray': 'Gray', '/CalGray': 'Gray' } as Record<string, string>)[resolved.asString()] ?? 'Other';
  }
  if (resolved instanceof PDFArray) {
    const family = resolved.lookup(0);
    const familyName = family instanceof PDFName ? family.asString() : '';
    if (familyName === '/ICCBased') {
      const profile = resolved.lookup(1);
      const components = profile instanceof PDFRawStream ? profile.dict.lookup(name('N')) : undefined;
      const n = components instanceof PDFNumber ? components.asNumber() : 0;
      return n === 4 ? 'CMYK' : n === 3 ? 'RGB' : n === 1 ? 'Gray' : 'Other';
    }
    if (familyName === '/Separation' || familyName === '/DeviceN') return 'Spot';
    if (familyName === '/Indexed') return colourModel(resolved.get(1), doc);
    return colourModel(family, doc);
  }
  return 'Other';
}

function fontEmbedded(font: PDFDict): boolean {
  const subtype = font.lookup(name('Subtype'));
  if (subtype instanceof PDFName && subtype.asString() === '/Type3') return true;
  let owner = font;
  const descendants = font.lookup(name('DescendantFonts'));
  if (descendants instanceof PDFArray && descendants.lookup(0) instanceof PDFDict) owner = descendants.lookup(0) as PDFDict;
  const descriptor = dictOf(owner, 'FontDescriptor');
  return descriptor !== undefined && ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.has(name(key)));
}

function fontName(font: PDFDict): string {
  const base = font.lookup(name('BaseFont'));
  return base instanceof PDFName ? base.asString().slice(1).replace(/^[A-Z]{6}\+/, '') : 'unnamed font';
}

function contentText(page: PDFPage): string {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((item) => page.doc.context.lookup(item)) : [contents];
  return streams
    .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream)
    .map((stream) => Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1'))
    .join('\n');
}

interface PageFacts {
  fonts: Map<string, boolean>;
  colourModels: Set<string>;
  images: { page: number; name: string; ppi: number; model: string }[];
}

function inspectResources(page: PDFPage, number: number, facts: PageFacts): void {
  const resources = page.node.Resources();
  if (resources === undefined) return;
  const fonts = dictOf(resources, 'Font');
  for (const [, value] of fonts?.entries() ?? []) {
    const font = page.doc.context.lookup(value);
    if (font instanceof PDFDict) facts.fonts.set(fontName(font), (facts.fonts.get(fontName(font)) ?? true) && fontEmbedded(font));
  }
  const spaces = dictOf(resources, 'ColorSpace');
  for (const [, value] of spaces?.entries() ?? []) facts.colourModels.add(colourModel(value, page.doc));
  const content = readContent(contentText(page));
  if (content.usesRgbOperators) facts.colourModels.add('RGB');
  const xobjects = dictOf(resources, 'XObject');
  for (const placed of content.placed) {
    const xobject = xobjects?.lookup(name(placed.name));
    if (!(xobject instanceof PDFRawStream) || xobject.dict.lookup(name('Subtype'))?.toString() !== '/Image') continue;
    const width = (xobject.dict.lookup(name('Width')) as PDFNumber | undefined)?.asNumber() ?? 0;
    const height = (xobject.dict.lookup(name('Height')) as PDFNumber | undefined)?.asNumber() ?? 0;
    const ppi = Math.min(width / (placed.width / 72), height / (placed.height / 72));
    const model = colourModel(xobject.dict.get(name('ColorSpace')), page.doc);
    facts.colourModels.add(model);
    facts.images.push({ page: number, name: placed.name, ppi, model });
  }
}

function boxFindings(pages: PDFPage[]): { findings: Finding[]; sizes: unknown[] } {
  const findings: Finding[] = [];
  const sizes = pages.map((page, index) => {
    const media = page.getMediaBox();
    const trim = boxOf(page, 'TrimBox');
    const bleed = boxOf(page, 'BleedBox');
    const hasBleed = trim !== null && bleed !== null && Math.min(trim[0]! - bleed[0]!, trim[1]! - bleed[1]!, bleed[2]! - trim[2]!, bleed[3]! - trim[3]!) >= MIN_BLEED_POINTS;
    return { page: index + 1, widthMm: mm(media.width), heightMm: mm(media.height), trimBox: trim !== null, bleedBox: bleed !== null, hasBleed };
  });
  const noTrim = sizes.filter((size) => !size.trimBox).map((size) => size.page);
  const noBleed = sizes.filter((size) => !size.hasBleed).map((size) => size.page);
  findings.push(noTrim.length === 0
    ? { check: 'trim_box', result: 'PASS', message: 'Every page has a trim box.' }
    : { check: 'trim_box', result: 'WARNING', message: `${pagesText(noTrim)} no trim box: we will trim to the page size. Export with "use document bleed settings" and crop marks off.` });
  findings.push(noBleed.length === 0
    ? { check: 'bleed', result: 'PASS', message: 'Every page has at least 2 mm bleed.' }
    : { check: 'bleed', result: 'WARNING', message: `${pagesText(noBleed)} no bleed: if colour or images reach the edge, extend them 3 mm past the trim and export with bleed.` });
  return { findings, sizes };
}

function pagesText(pages: number[]): string {
  const list = pages.length > 5 ? `${pages.slice(0, 5).join(', ')} and ${pages.length - 5} more` : pages.join(', ');
  return pages.length === 1 ? `Page ${list} has` : `Pages ${list} have`;
}

function contentFindings(facts: PageFacts): Finding[] {
  const findings: Finding[] = [];
  const unembedded = [...facts.fonts].filter(([, embedded]) => !embedded).map(([font]) => font);
  findings.push(unembedded.length === 0
    ? { check: 'fonts', result: 'PASS', message: facts.fonts.size === 0 ? 'The file uses no fonts.' : 'Every font is embedded.' }
    : { check: 'fonts', result: 'FAIL', message: `Not embedded: ${unembedded.join(', ')}. Export the PDF with all fonts embedded, or outline the text.` });
  findings.push(facts.colourModels.has('RGB')
    ? { check: 'colour', result: 'WARNING', message: 'The file uses RGB colour; printed in CMYK, bright colours may look duller. Convert to CMYK to judge the result yourself.' }
    : { check: 'colour', result: 'PASS', message: `Colour spaces: ${[...facts.colourModels].join(', ') || 'none'}.` });
  for (const image of facts.images) findings.push(resolutionFinding('image_resolution', image.ppi, `An image on page ${image.page}`));
  return findings;
}

/** Preflight of a PDF (or PDF-based Illustrator file) with pdf-lib: pages, boxes, fonts, colour, image resolution. */
export async function preflightPdf(bytes: Buffer): Promise<PreflightReport> {
  const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  const pages = doc.getPages();
  const inspected = pages.slice(0, MAX_PAGES_INSPECTED);
  const facts: PageFacts = { fonts: new Map(), colourModels: new Set(), images: [] };
  inspected.forEach((page, index) => inspectResources(page, index + 1, facts));
  const boxes = boxFindings(inspected);
  return {
    kind: 'pdf',
    findings: [{ check: 'pages', result: 'PASS', message: `${pages.length} page${pages.length === 1 ? '' : 's'}.` }, ...boxes.findings, ...contentFindings(facts)],
    facts: {
      pageCount: pages.length,
      pagesInspected: inspected.length,
      pages: boxes.sizes,
      fonts: [...facts.fonts].map(([font, embedded]) => ({ name: font, embedded })),
      colourSpaces: [...facts.colourModels],
      images: facts.images.map((image) => ({ ...image, ppi: Math.round(image.ppi) })),
    },
  };
}
