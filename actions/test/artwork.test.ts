import { createHash } from 'node:crypto';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { EICAR } from '@portal/dev-scanner';
import { beforeAll, describe, expect, test } from 'vitest';
import { ObjectStorage } from '../src/storage/object-storage.ts';
import { ARTWORK_BUCKET, deliverScanEvent, HAVE_CLAMD, postUpload, SAMPLE, startArtworkServices, type UploadTicket } from './support/artwork-fixtures.ts';
import { carelessPdf, printTiff } from './support/artwork-samples.ts';
import type { TestUser } from './support/fixtures.ts';
import { createQuoteWorld, createDraftQuote, sessionFor, type QuoteWorld } from './support/quote-fixtures.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

let t: TestServer;
let w: QuoteWorld;
let storage: ObjectStorage;
let alphaOrder: string;
let bravoOrder: string;

async function createOrder(user: TestUser): Promise<string> {
  const { rows } = await t.db.pool.query<{ id: string }>(
    `insert into sales_orders (tenant_id, customer_id, placed_by, status, subtotal, shipping_address) values ($1, $2, $3, 'CONFIRMED', 0, '{}') returning id`,
    [user.tenantId, user.customerId, user.id],
  );
  return rows[0]!.id;
}

beforeAll(async () => {
  t = await startTestServer({ env: await startArtworkServices() });
  w = await createQuoteWorld(t.db.pool, 'art');
  storage = new ObjectStorage(t.config.artwork.storage);
  alphaOrder = await createOrder(w.alpha.user);
  bravoOrder = await createOrder(w.bravo.user);
});

const MIME = { pdf: 'application/pdf', tif: 'image/tiff', png: 'image/png' } as const;

function requestUpload(who: TestUser, input: Record<string, unknown>) {
  return t.call('customerRequestArtworkUpload', { orderId: alphaOrder, ...input }, sessionFor(who));
}

async function ticketFor(who: TestUser, fileName: string, fileType: string, fileSize: number, target: Record<string, unknown> = {}): Promise<UploadTicket> {
  const response = await requestUpload(who, { fileName, fileType, fileSize, ...target });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

const confirm = (who: TestUser, fileId: string) => t.call('customerConfirmArtworkUpload', { fileId }, sessionFor(who));
const download = (who: TestUser, fileId: string, variant?: string) => t.call('artworkDownloadUrl', { fileId, ...(variant ? { variant } : {}) }, sessionFor(who));
const fileRow = async (fileId: string) => (await t.db.pool.query('select * from artwork_files where id = $1', [fileId])).rows[0];

/** Request, upload and confirm: the file's state after confirmation. */
async function uploaded(who: TestUser, fileName: string, fileType: string, bytes: Buffer, target: Record<string, unknown> = {}) {
  const ticket = await ticketFor(who, fileName, fileType, bytes.length, target);
  expect((await postUpload(ticket, bytes)).status).toBe(204);
  const confirmed = await confirm(who, ticket.fileId);
  return { ticket, confirmed };
}

describe('asking for an upload', () => {
  test('the presigned POST pins a server-chosen key and the content type, for 15 minutes', async () => {
    const ticket = await ticketFor(w.alpha.user, '../../etc/passwd.pdf'.replace(/[./]+etc[./]+/, 'x-'), MIME.pdf, 1000);
    const fields = Object.fromEntries(ticket.fields.map((field) => [field.name, field.value]));
    const row = await fileRow(ticket.fileId);
    expect(fields.key).toBe(`tenants/${w.tenantId}/customers/${w.alphaId}/artwork/${ticket.fileId}/original`);
    expect(fields['Content-Type']).toBe('application/pdf');
    const policy = JSON.parse(Buffer.from(fields.Policy!, 'base64').toString('utf8'));
    expect(policy.conditions).toEqual(expect.arrayContaining([['content-length-range', 1, 1024 * 1024], ['eq', '$Content-Type', 'application/pdf']]));
    expect(new Date(policy.expiration).getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(row).toMatchObject({ status: 'PENDING_UPLOAD', storage_key: fields.key, uploaded_by: w.alpha.user.id, order_id: alphaOrder });
  });

  test('the extension and the MIME type must both be allowed, and agree', async () => {
    for (const [fileName, fileType] of [['setup.exe', 'application/octet-stream'], ['poster.pdf', 'image/png'], ['poster', 'application/pdf'], ['logo.svg', 'image/svg+xml']]) {
      const response = await requestUpload(w.alpha.user, { fileName, fileType, fileSize: 100 });
      expect(response.body.extensions.code, fileName).toBe('ARTWORK_TYPE_NOT_ALLOWED');
    }
    for (const [fileName, fileType] of [['a.AI', 'application/postscript'], ['b.eps', 'application/postscript'], ['c.psd', 'image/vnd.adobe.photoshop'], ['d.tiff', 'image/tiff'], ['e.jpeg', 'image/jpeg']]) {
      expect((await requestUpload(w.alpha.user, { fileName, fileType, fileSize: 100 })).status, fileName).toBe(200);
    }
  });

  test('a declared size over the limit is refused in words', async () => {
    const response = await requestUpload(w.alpha.user, { fileName: 'big.pdf', fileType: MIME.pdf, fileSize: 74 * 1024 * 1024 });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ message: 'This file is 74 MB; the limit is 1 MB.', extensions: { code: 'ARTWORK_TOO_LARGE', maxBytes: 1024 * 1024 } });
  });

  test('the order or quote must be the caller\'s company\'s, and exactly one is given', async () => {
    expect((await requestUpload(w.alpha.user, { fileName: 'a.pdf', fileType: MIME.pdf, fileSize: 10, orderId: bravoOrder })).body.extensions.code).toBe('ORDER_NOT_FOUND');
    const bravoQuote = await createDraftQuote(t.db.pool, w.bravo.user, [{ description: 'Flyers', quantity: 100 }]);
    expect((await requestUpload(w.alpha.user, { fileName: 'a.pdf', fileType: MIME.pdf, fileSize: 10, orderId: null, quoteId: bravoQuote.id })).body.extensions.code).toBe('QUOTE_NOT_FOUND');
    expect((await requestUpload(w.alpha.user, { fileName: 'a.pdf', fileType: MIME.pdf, fileSize: 10, orderId: null })).body.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: ['orderId'] });
  });

  test('staff cannot upload as a customer', async () => {
    const response = await t.call('customerRequestArtworkUpload', { orderId: alphaOrder, fileName: 'a.pdf', fileType: MIME.pdf, fileSize: 10 }, sessionFor(w.staff));
    expect(response.body.extensions.code).toBe('ROLE_NOT_ALLOWED');
  });
});

describe('confirming an upload', () => {
  test('a PDF goes to SCANNING with its real size and SHA-256, then CLEAN with preview, thumbnail and preflight, and downloads under its own name', async () => {
    const pdf = await carelessPdf();
    const { ticket, confirmed } = await uploaded(w.alpha.user, 'Menu board – spring.pdf', MIME.pdf, pdf);
    expect(confirmed.body).toEqual({ fileId: ticket.fileId, status: HAVE_CLAMD ? 'SCANNING' : 'UNSCANNED', rejectionReason: null });
    expect(await fileRow(ticket.fileId)).toMatchObject({ actual_size_bytes: String(pdf.length), sha256: createHash('sha256').update(pdf).digest('hex') });
    if (!HAVE_CLAMD) return;
    expect((await deliverScanEvent(t, ticket.fileId)).body).toEqual({ fileId: ticket.fileId, status: 'CLEAN' });
    const row = await fileRow(ticket.fileId);
    expect(row).toMatchObject({ status: 'CLEAN', has_preview: true, no_preview_reason: null, preflight_result: 'FAIL' });
    expect(row.preflight_report.findings.map((finding: { check: string }) => finding.check)).toEqual(['pages', 'trim_box', 'bleed', 'fonts', 'colour', 'image_resolution']);
    const link = await download(w.alpha.approver, ticket.fileId);
    expect(link.status).toBe(200);
    const got = await fetch(link.body.url);
    expect(Buffer.from(await got.arrayBuffer())).toEqual(pdf);
    expect(got.headers.get('content-disposition')).toBe(`attachment; filename="Menu board _ spring.pdf"; filename*=UTF-8''Menu%20board%20%E2%80%93%20spring.pdf`);
    const thumbnail = await fetch((await download(w.alpha.user, ticket.fileId, 'THUMBNAIL')).body.url);
    expect(thumbnail.headers.get('content-type')).toBe('image/png');
    expect(thumbnail.headers.get('content-disposition')).toMatch(/^inline; filename="Menu board _ spring-preview.png"/);
    expect((await download(w.staff, ticket.fileId, 'PREVIEW')).status).toBe(200);
    expect((await download(w.otherStaff, ticket.fileId)).body.extensions.code).toBe('ARTWORK_NOT_FOUND');
    expect((await download(w.bravo.user, ticket.fileId)).body.extensions.code).toBe('ARTWORK_NOT_FOUND');
  });

  test('a TIFF for a quote takes the same path', async () => {
    const quote = await createDraftQuote(t.db.pool, w.alpha.user, [{ description: 'Banner', quantity: 1 }]);
    const tiff = await printTiff();
    const { ticket, confirmed } = await uploaded(w.alpha.user, 'banner.tif', MIME.tif, tiff, { orderId: null, quoteId: quote.id });
    expect(confirmed.body.status).toBe(HAVE_CLAMD ? 'SCANNING' : 'UNSCANNED');
    expect(await fileRow(ticket.fileId)).toMatchObject({ quote_id: quote.id, content_type: 'image/tiff' });
    if (!HAVE_CLAMD) return;
    expect((await deliverScanEvent(t, ticket.fileId)).body.status).toBe('CLEAN');
    expect(await fileRow(ticket.fileId)).toMatchObject({ has_preview: true, preflight_result: 'PASS', preflight_report: { kind: 'raster', facts: { width: 600, height: 400, dpi: 300, colourMode: 'CMYK' } } });
    expect((await download(w.alpha.user, ticket.fileId)).status).toBe(200);
  });

  test('a clean file that cannot be drawn says why it has no preview', async () => {
    if (!HAVE_CLAMD) return;
    const { ticket } = await uploaded(w.alpha.user, 'minimal.pdf', MIME.pdf, SAMPLE.pdf);
    await deliverScanEvent(t, ticket.fileId);
    expect(await fileRow(ticket.fileId)).toMatchObject({ status: 'CLEAN', has_preview: false, no_preview_reason: expect.stringMatching(/^We could not draw a preview/) });
    expect((await download(w.alpha.user, ticket.fileId, 'THUMBNAIL')).body.extensions.code).toBe('ARTWORK_NO_PREVIEW');
  });

  test('a file larger than the limit that still arrived is rejected and its object deleted', async () => {
    const ticket = await ticketFor(w.alpha.user, 'sneaky.pdf', MIME.pdf, 100);
    const tooBig = Buffer.concat([SAMPLE.pdf, Buffer.alloc(1536 * 1024)]);
    // s3rver ignores the POST policy's content-length-range (README): the upload is accepted...
    expect((await postUpload(ticket, tooBig)).status).toBe(204);
    const key = (await fileRow(ticket.fileId)).storage_key;
    expect(await storage.size(key)).toBe(tooBig.length);
    // ...and the confirm step's HeadObject is the guard.
    const confirmed = await confirm(w.alpha.user, ticket.fileId);
    expect(confirmed.body).toEqual({ fileId: ticket.fileId, status: 'REJECTED', rejectionReason: 'This file is 1.5 MB; the limit is 1 MB.' });
    expect(await storage.size(key)).toBeNull();
    expect(await fileRow(ticket.fileId)).toMatchObject({ status: 'REJECTED', actual_size_bytes: String(tooBig.length) });
  });

  test('a .pdf whose bytes are a PNG is rejected with a reason', async () => {
    const { ticket, confirmed } = await uploaded(w.alpha.user, 'logo.pdf', MIME.pdf, SAMPLE.png);
    expect(confirmed.body).toEqual({
      fileId: ticket.fileId, status: 'REJECTED',
      rejectionReason: 'The file is named as PDF but its content is a PNG file. Export it again as PDF.',
    });
    expect(await storage.size((await fileRow(ticket.fileId)).storage_key)).toBeNull();
  });

  test('only the uploader confirms, once, and only after the upload', async () => {
    const ticket = await ticketFor(w.alpha.user, 'mine.pdf', MIME.pdf, SAMPLE.pdf.length);
    expect((await confirm(w.alpha.user, ticket.fileId)).body.extensions.code).toBe('ARTWORK_NOT_UPLOADED');
    await postUpload(ticket, SAMPLE.pdf);
    expect((await confirm(w.alpha.approver, ticket.fileId)).body.extensions.code).toBe('ARTWORK_NOT_FOUND');
    expect((await confirm(w.bravo.user, ticket.fileId)).body.extensions.code).toBe('ARTWORK_NOT_FOUND');
    expect((await confirm(w.alpha.user, ticket.fileId)).status).toBe(200);
    expect((await confirm(w.alpha.user, ticket.fileId)).body.extensions.code).toBe('ARTWORK_NOT_PENDING');
  });
});

describe('downloads', () => {
  test('are never issued for a file that is not CLEAN', async () => {
    const pending = await ticketFor(w.alpha.user, 'pending.pdf', MIME.pdf, 10);
    const rejected = (await uploaded(w.alpha.user, 'fake.pdf', MIME.pdf, SAMPLE.png)).ticket;
    const scanning = (await uploaded(w.alpha.user, 'waiting.pdf', MIME.pdf, SAMPLE.pdf)).ticket;
    for (const file of [pending, rejected, scanning]) {
      for (const variant of [undefined, 'PREVIEW', 'THUMBNAIL']) {
        const response = await download(w.alpha.user, file.fileId, variant);
        expect(response.body.extensions.code, `${file.fileId} ${variant}`).toBe('ARTWORK_NOT_CLEAN');
      }
    }
  });
});

describe.skipIf(!HAVE_CLAMD)('the virus scan', () => {
  test('EICAR is INFECTED: moved to quarantine, staff notified, no download', async () => {
    const eicar = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(EICAR, 'latin1')]);
    const { ticket, confirmed } = await uploaded(w.alpha.user, 'invoice.pdf', MIME.pdf, eicar);
    expect(confirmed.body.status).toBe('SCANNING');
    const original = (await fileRow(ticket.fileId)).storage_key;
    expect((await deliverScanEvent(t, ticket.fileId)).body).toEqual({ fileId: ticket.fileId, status: 'INFECTED' });
    const row = await fileRow(ticket.fileId);
    expect(row).toMatchObject({ status: 'INFECTED', storage_key: `quarantine/${original}`, scan_result: 'Portal.Test.EICAR.UNOFFICIAL' });
    expect(await storage.size(original)).toBeNull();
    expect(await storage.size(row.storage_key)).toBe(eicar.length);
    expect((await download(w.alpha.user, ticket.fileId)).body.extensions.code).toBe('ARTWORK_NOT_CLEAN');
    expect((await download(w.staff, ticket.fileId)).body.extensions.code).toBe('ARTWORK_NOT_CLEAN');
    const notes = await t.db.pool.query("select user_id, payload from notifications where template = 'ARTWORK_INFECTED' and payload ->> 'artwork_file_id' = $1", [ticket.fileId]);
    expect(notes.rows.map((note) => note.user_id)).toEqual([w.staff.id]);
    // A redelivered event changes nothing.
    expect((await deliverScanEvent(t, ticket.fileId)).body).toEqual({ fileId: ticket.fileId, status: 'SKIPPED' });
  });

  test('a scanner that cannot be reached fails the event (Hasura retries), and on the last try the file is UNSCANNED', async () => {
    const broken = await startTestServer({ db: t.db, clock: t.clock, env: { ...envOf(t), CLAMAV_SOCKET: '/nonexistent/clamd.sock' } });
    const { ticket } = await uploaded(w.alpha.user, 'later.pdf', MIME.pdf, SAMPLE.pdf);
    expect((await deliverScanEvent(broken, ticket.fileId)).status).toBe(500);
    expect((await fileRow(ticket.fileId)).status).toBe('SCANNING');
    expect((await deliverScanEvent(broken, ticket.fileId, { current: 5, max: 5 })).body).toEqual({ fileId: ticket.fileId, status: 'UNSCANNED' });
    expect((await fileRow(ticket.fileId)).scan_result).toMatch(/^the virus scan failed: /);
  });
});

test('without a scanner a confirmed file is UNSCANNED, never clean', async () => {
  const env = envOf(t);
  delete env.CLAMAV_SOCKET;
  const unscanned = await startTestServer({ db: t.db, clock: t.clock, env });
  const ticket = (await unscanned.call('customerRequestArtworkUpload', { orderId: alphaOrder, fileName: 'x.png', fileType: MIME.png, fileSize: SAMPLE.png.length }, sessionFor(w.alpha.user))).body;
  await postUpload(ticket, SAMPLE.png);
  expect((await unscanned.call('customerConfirmArtworkUpload', { fileId: ticket.fileId }, sessionFor(w.alpha.user))).body.status).toBe('UNSCANNED');
  expect((await download(w.alpha.user, ticket.fileId)).body.extensions.code).toBe('ARTWORK_NOT_CLEAN');
});

describe('what the local S3 server enforces (measured; README "Object storage")', () => {
  const s3 = () =>
    new S3Client({
      region: t.config.artwork.storage.region,
      endpoint: t.config.artwork.storage.endpoint!,
      forcePathStyle: true,
      credentials: t.config.artwork.storage.credentials!,
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });

  async function storedKey(): Promise<string> {
    const { ticket } = await uploaded(w.alpha.user, 'measure.pdf', MIME.pdf, SAMPLE.pdf);
    return (await fileRow(ticket.fileId)).storage_key;
  }

  test('a presigned GET is checked for a known access key, but its SigV4 signature is not verified', async () => {
    const key = await storedKey();
    const url = await getSignedUrl(s3(), new GetObjectCommand({ Bucket: ARTWORK_BUCKET, Key: key }), { expiresIn: 60 });
    expect((await fetch(url)).status).toBe(200);
    const unknownKey = url.replace(/X-Amz-Credential=S3RVER/, 'X-Amz-Credential=INTRUDER');
    const refused = await fetch(unknownKey);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('InvalidAccessKeyId');
    // s3rver 3.7.1 (lib/middleware/authentication.js): "Signature version 4 calculation is unimplemented".
    const badSignature = url.replace(/X-Amz-Signature=([0-9a-f])/, (_, c: string) => `X-Amz-Signature=${c === '0' ? '1' : '0'}`);
    expect((await fetch(badSignature)).status).toBe(200);
  });

  test('an expired presigned GET is refused', async () => {
    const key = await storedKey();
    const url = await getSignedUrl(s3(), new GetObjectCommand({ Bucket: ARTWORK_BUCKET, Key: key }), { expiresIn: 60, signingDate: new Date(Date.now() - 3600_000) });
    const response = await fetch(url);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Request has expired');
  });

  test('it does not check POST policies: a tampered policy or content type is accepted (confirm re-checks)', async () => {
    const ticket = await ticketFor(w.alpha.user, 'tampered.pdf', MIME.pdf, SAMPLE.pdf.length);
    const response = await postUpload(ticket, SAMPLE.pdf, { Policy: Buffer.from('{"conditions":[]}').toString('base64'), 'Content-Type': 'text/html' });
    expect(response.status).toBe(204);
  });

  test('it accepts unsigned requests', async () => {
    const response = await fetch(`${t.config.artwork.storage.endpoint}/${ARTWORK_BUCKET}/unsigned-probe`, { method: 'PUT', body: 'x' });
    expect(response.status).toBe(200);
  });
});

/** The artwork settings of a running test server, as environment variables for another one. */
function envOf(server: TestServer): Record<string, string> {
  const { storage: s, scanner } = server.config.artwork;
  return {
    ARTWORK_S3_ENDPOINT: s.endpoint!,
    ARTWORK_S3_BUCKET: s.bucket,
    ARTWORK_MAX_UPLOAD_MB: '1',
    ...(scanner !== null && 'socketPath' in scanner ? { CLAMAV_SOCKET: scanner.socketPath } : {}),
  };
}
