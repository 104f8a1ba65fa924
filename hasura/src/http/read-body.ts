import type { IncomingMessage } from 'node:http';
import { EngineError } from '../errors/index.ts';

/** The body was larger than `PORTAL_ENGINE_MAX_BODY_BYTES`. */
export class BodyTooLargeError extends EngineError {
  constructor(limit: number) {
    super('bad-request', `request body is too large: the limit is ${limit} bytes`, '$', 413);
  }
}

/**
 * Reads the whole body, refusing it as soon as it passes `limit` bytes (at once when
 * Content-Length says so). The rest of a refused body is drained, not buffered, so the client can
 * finish sending and read the answer before the connection closes.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      reject(new BodyTooLargeError(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      refused = true;
      chunks.length = 0;
      reject(new BodyTooLargeError(limit));
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Parses a JSON body; aeson's wording for Hasura's `invalid-json` error. */
export function parseJsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    const detail = body.length === 0 ? 'not enough input' : 'Failed reading: not a valid json value';
    throw new EngineError('invalid-json', `Error in $: ${detail}`);
  }
}
