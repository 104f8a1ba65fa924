import { m } from '../paraglide/messages.js';
import type { ArtworkTarget } from './artwork-target.ts';

export interface UploadTicket {
  fileId: string;
  uploadUrl: string;
  fields: { name: string; value: string }[];
}

/** The SvelteKit server's answer when the engine refused: a sentence for the person. */
export class UploadRefused extends Error {}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new UploadRefused(typeof answer.message === 'string' ? answer.message : m.artwork_refused());
  return answer as T;
}

export function requestTicket(file: File, target: ArtworkTarget): Promise<UploadTicket> {
  return postJson('/artwork', { fileName: file.name, fileSize: file.size, fileType: file.type, ...target });
}

export function confirmUpload(fileId: string): Promise<{ status: string; rejectionReason: string | null }> {
  return postJson(`/artwork/${fileId}/confirm`, {});
}

/**
 * POSTs the file straight to storage with the presigned form (XMLHttpRequest, because fetch has
 * no upload progress). Resolves when storage accepted it; `abort` cancels.
 */
export function sendToStorage(ticket: UploadTicket, file: File, onProgress: (percent: number) => void): { done: Promise<void>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const form = new FormData();
  for (const field of ticket.fields) form.append(field.name, field.value);
  form.append('file', file);
  const done = new Promise<void>((resolve, reject) => {
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(Math.floor((event.loaded / event.total) * 100));
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error(`storage answered ${xhr.status}`)));
    xhr.onerror = () => reject(new Error('network'));
    xhr.onabort = () => reject(new DOMException('cancelled', 'AbortError'));
  });
  xhr.open('POST', ticket.uploadUrl);
  xhr.send(form);
  return { done, abort: () => xhr.abort() };
}
