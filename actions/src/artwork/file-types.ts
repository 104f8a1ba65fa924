/** One accepted kind of print file: how it is named, announced by browsers, stored, and recognised. */
export interface ArtworkType {
  label: string;
  extensions: readonly string[];
  /** MIME types browsers and tools announce for it (the declared type must be one of these). */
  mimeTypes: readonly string[];
  /** The one type it is stored and served as (the table's content_type check lists these). */
  contentType: string;
  /** The file's first bytes must start with one of these. */
  magic: readonly Buffer[];
}

const ascii = (text: string) => Buffer.from(text, 'latin1');
const PDF = ascii('%PDF-');
const POSTSCRIPT = ascii('%!PS');
/** The binary header of DOS EPS files (a PostScript section plus a TIFF or WMF preview). */
const DOS_EPS = Buffer.from([0xc5, 0xd0, 0xd3, 0xc6]);

export const ARTWORK_TYPES: readonly ArtworkType[] = [
  { label: 'PDF', extensions: ['pdf'], mimeTypes: ['application/pdf'], contentType: 'application/pdf', magic: [PDF] },
  {
    label: 'Illustrator',
    extensions: ['ai'],
    // Illustrator files since CS are PDF inside; older ones are PostScript.
    mimeTypes: ['application/illustrator', 'application/postscript', 'application/pdf'],
    contentType: 'application/illustrator',
    magic: [PDF, POSTSCRIPT],
  },
  {
    label: 'EPS',
    extensions: ['eps'],
    mimeTypes: ['application/postscript', 'application/eps', 'image/x-eps'],
    contentType: 'application/postscript',
    magic: [POSTSCRIPT, DOS_EPS],
  },
  {
    label: 'Photoshop',
    extensions: ['psd'],
    mimeTypes: ['image/vnd.adobe.photoshop', 'application/x-photoshop', 'image/x-photoshop'],
    contentType: 'image/vnd.adobe.photoshop',
    magic: [ascii('8BPS')],
  },
  {
    label: 'TIFF',
    extensions: ['tif', 'tiff'],
    mimeTypes: ['image/tiff'],
    contentType: 'image/tiff',
    magic: [Buffer.from([0x49, 0x49, 0x2a, 0x00]), Buffer.from([0x4d, 0x4d, 0x00, 0x2a])],
  },
  { label: 'PNG', extensions: ['png'], mimeTypes: ['image/png'], contentType: 'image/png', magic: [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])] },
  { label: 'JPEG', extensions: ['jpg', 'jpeg'], mimeTypes: ['image/jpeg'], contentType: 'image/jpeg', magic: [Buffer.from([0xff, 0xd8, 0xff])] },
];

/** Bytes to read before the magic numbers can be judged. */
export const MAGIC_BYTES = Math.max(...ARTWORK_TYPES.flatMap((type) => type.magic.map((magic) => magic.length)));

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** The type a file name and its declared MIME type agree on, or null when either is not allowed. */
export function artworkTypeFor(fileName: string, declaredMime: string): ArtworkType | null {
  const extension = extensionOf(fileName);
  const mime = declaredMime.trim().toLowerCase().split(';')[0]!;
  return ARTWORK_TYPES.find((type) => type.extensions.includes(extension) && type.mimeTypes.includes(mime)) ?? null;
}

/** The type a stored content type belongs to (what confirm checks the bytes against). */
export function artworkTypeOfContentType(contentType: string): ArtworkType | undefined {
  return ARTWORK_TYPES.find((type) => type.contentType === contentType);
}

export function matchesMagic(type: ArtworkType, head: Buffer): boolean {
  return type.magic.some((magic) => head.length >= magic.length && head.subarray(0, magic.length).equals(magic));
}

/** What the first bytes look like, for a rejection reason the customer understands. */
export function describeHead(head: Buffer): string {
  const found = ARTWORK_TYPES.find((type) => matchesMagic(type, head));
  if (found) return `a ${found.label} file`;
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'a ZIP archive';
  return 'not a print file we recognise';
}
