import WebSocket from 'ws';

/** A frame from the server, decoded. */
export type Frame = { type: string; id?: string; payload?: any };

/** A websocket test client that queues every frame and the close, for awaiting in order. */
export interface TestSocket {
  protocol: string;
  send(message: unknown): void;
  sendRaw(text: string): void;
  /** The next frame that matches (frames before it that do not match are dropped); fails after `timeoutMs`. */
  next(match?: (frame: Frame) => boolean, timeoutMs?: number): Promise<Frame>;
  /** The close code and reason, once closed. */
  closed(timeoutMs?: number): Promise<{ code: number; reason: string }>;
  close(): void;
}

const WAIT_MS = 15_000;

export async function openSocket(baseUrl: string, protocol?: string, path = '/v1/graphql'): Promise<TestSocket> {
  const ws = new WebSocket(baseUrl.replace(/^http/, 'ws') + path, protocol ? [protocol] : []);
  const frames: Frame[] = [];
  let wake: (() => void) | undefined;
  let closeInfo: { code: number; reason: string } | undefined;
  ws.on('message', (data) => {
    frames.push(JSON.parse(String(data)) as Frame);
    wake?.();
  });
  ws.on('close', (code, reason) => {
    closeInfo = { code, reason: String(reason) };
    wake?.();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const waitFor = async <T>(take: () => T | undefined, timeoutMs: number, what: string): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = take();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; frames left: ${JSON.stringify(frames)}`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 200);
      });
    }
  };
  return {
    protocol: ws.protocol,
    send: (message) => ws.send(JSON.stringify(message)),
    sendRaw: (text) => ws.send(text),
    next: (match = () => true, timeoutMs = WAIT_MS) =>
      waitFor(() => {
        while (frames.length > 0) {
          const frame = frames.shift()!;
          if (match(frame)) return frame;
        }
        if (closeInfo) throw new Error(`socket closed (${closeInfo.code} ${closeInfo.reason}) while waiting for a frame`);
        return undefined;
      }, timeoutMs, 'a frame'),
    closed: (timeoutMs = WAIT_MS) => waitFor(() => closeInfo, timeoutMs, 'the socket to close'),
    close: () => ws.close(),
  };
}

/** Frames that are not keep-alives. */
export const notKeepAlive = (frame: Frame) => frame.type !== 'ka' && frame.type !== 'ping';

/** The two protocols' vocabulary, so one test body serves both. */
export interface ProtocolCase {
  name: 'apollo' | 'graphql-transport-ws';
  subprotocol: string | undefined;
  start: string;
  stop: string;
  data: string;
}

export const PROTOCOLS: ProtocolCase[] = [
  { name: 'apollo', subprotocol: undefined, start: 'start', stop: 'stop', data: 'data' },
  { name: 'graphql-transport-ws', subprotocol: 'graphql-transport-ws', start: 'subscribe', stop: 'complete', data: 'next' },
];

/** Opens a socket of `protocol`, initialises it with `headers`, and waits for the ack. */
export async function initialisedSocket(baseUrl: string, protocol: ProtocolCase, headers: Record<string, string>): Promise<TestSocket> {
  const socket = await openSocket(baseUrl, protocol.subprotocol);
  socket.send({ type: 'connection_init', payload: { headers } });
  await socket.next((frame) => frame.type === 'connection_ack');
  return socket;
}
