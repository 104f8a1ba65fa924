import { afterAll } from 'vitest';
import { findClamd, startDevScanner, CLAMD_INSTALL_HINT } from '@portal/dev-scanner';
import { startDevStorage } from '@portal/dev-storage';
import { DEV_ACTION_SECRET } from '../../src/config/dev-defaults.ts';
import { ACTION_SECRET_HEADER } from '../../src/http/install-caller-check.ts';
import type { TestServer } from './test-server.ts';

export const ARTWORK_BUCKET = 'portal-artwork-test';

/** True when clamd can run here; tests that need it skip with the install hint otherwise. */
export const HAVE_CLAMD = findClamd() !== null;
if (!HAVE_CLAMD) console.warn(`artwork tests skip the virus scan: ${CLAMD_INSTALL_HINT}`);

/** A local S3 server (and clamd when installed) for one test file; the env for startTestServer. */
export async function startArtworkServices(options: { scanner?: boolean } = {}): Promise<Record<string, string>> {
  const storage = await startDevStorage({ bucket: ARTWORK_BUCKET, allowedOrigins: ['http://127.0.0.1'] });
  afterAll(() => storage.close());
  const env: Record<string, string> = { ARTWORK_S3_ENDPOINT: storage.endpoint, ARTWORK_S3_BUCKET: ARTWORK_BUCKET, ARTWORK_MAX_UPLOAD_MB: '1' };
  if ((options.scanner ?? true) && HAVE_CLAMD) {
    const scanner = await startDevScanner();
    afterAll(() => scanner.close());
    env.CLAMAV_SOCKET = scanner.socketPath;
  }
  return env;
}

export interface UploadTicket {
  fileId: string;
  uploadUrl: string;
  fields: { name: string; value: string }[];
  maxBytes: number;
}

/** What a browser does with the ticket: a multipart POST, the policy's fields first, the file last. */
export async function postUpload(ticket: UploadTicket, bytes: Buffer, fields: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  for (const field of ticket.fields) form.append(field.name, fields[field.name] ?? field.value);
  form.append('file', new Blob([new Uint8Array(bytes)]), 'upload');
  return fetch(ticket.uploadUrl, { method: 'POST', body: form });
}

/** Delivers the artwork_scan event for a row that became SCANNING, as Hasura would. */
export async function deliverScanEvent(t: TestServer, fileId: string, retry = { current: 0, max: 5 }): Promise<{ status: number; body: any }> {
  const response = await fetch(`${t.url}/events/artwork-scan`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [ACTION_SECRET_HEADER]: DEV_ACTION_SECRET },
    body: JSON.stringify({
      id: crypto.randomUUID(),
      event: { op: 'UPDATE', data: { old: { id: fileId, status: 'PENDING_UPLOAD' }, new: { id: fileId, status: 'SCANNING' } } },
      delivery_info: { max_retries: retry.max, current_retry: retry.current },
      trigger: { name: 'artwork_scan' },
    }),
  });
  return { status: response.status, body: await response.json() };
}

/** Small files that start like the real thing (enough for the magic-number check). */
export const SAMPLE = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  tiff: Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]), Buffer.alloc(64)]),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]),
};
