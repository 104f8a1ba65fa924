import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { MAGIC_BYTES } from './file-types.ts';

export interface ObjectFacts {
  head: Buffer;
  sha256: string;
  bytes: number;
}

/** Reads the stored object once: its first bytes for the magic check, its SHA-256 and its length. */
export async function inspectObject(body: Readable): Promise<ObjectFacts> {
  const hash = createHash('sha256');
  const headParts: Buffer[] = [];
  let headLength = 0;
  let bytes = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    if (headLength < MAGIC_BYTES) {
      headParts.push(chunk.subarray(0, MAGIC_BYTES - headLength));
      headLength += Math.min(chunk.length, MAGIC_BYTES - headLength);
    }
  }
  return { head: Buffer.concat(headParts), sha256: hash.digest('hex'), bytes };
}
