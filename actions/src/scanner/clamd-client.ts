import { connect, type Socket } from 'node:net';
import type { Readable } from 'node:stream';
import type { ScannerConfig } from '../config/artwork-env.ts';

export type ScanVerdict = { clean: true } | { clean: false; signature: string };

/** clamd's INSTREAM takes chunks prefixed with their length as a 4-byte big-endian number. */
function lengthPrefix(length: number): Buffer {
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32BE(length);
  return prefix;
}

function open(config: ScannerConfig): Socket {
  return 'socketPath' in config ? connect(config.socketPath) : connect(config.port, config.host);
}

/** `stream: OK`, `stream: <name> FOUND`, or an error line (size limit, a broken database). */
export function readVerdict(reply: string): ScanVerdict {
  const line = reply.replace(/\0/g, '').trim();
  if (/^stream: OK$/.test(line)) return { clean: true };
  const found = /^stream: (.+) FOUND$/.exec(line);
  if (found) return { clean: false, signature: found[1]! };
  throw new Error(`clamd answered: ${line.slice(0, 200)}`);
}

function write(socket: Socket, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => socket.write(data, (error) => (error ? reject(error) : resolve())));
}

/**
 * Streams `body` to clamd with INSTREAM (the z-prefixed, NUL-terminated form) and returns its
 * verdict. Any failure (unreachable, timeout, clamd's own error) throws, so the caller retries
 * rather than calling the file clean.
 */
export async function scanStream(config: ScannerConfig, body: Readable, timeoutMs: number): Promise<ScanVerdict> {
  const socket = open(config);
  socket.setTimeout(timeoutMs);
  const reply = new Promise<string>((resolve, reject) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    socket.on('end', () => resolve(text));
    socket.on('timeout', () => socket.destroy(new Error(`clamd did not answer within ${timeoutMs} ms`)));
    socket.on('error', reject);
  });
  // A reply that fails while we are still writing is reported by the write; keep it from being unhandled.
  reply.catch(() => undefined);
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    await write(socket, Buffer.from('zINSTREAM\0'));
    for await (const chunk of body as AsyncIterable<Buffer>) {
      await write(socket, Buffer.concat([lengthPrefix(chunk.length), chunk]));
    }
    await write(socket, lengthPrefix(0));
    return readVerdict(await reply);
  } finally {
    socket.destroy();
    body.destroy();
  }
}
