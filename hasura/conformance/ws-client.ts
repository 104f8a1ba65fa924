import WebSocket from 'ws';

/** A decoded server frame. */
export interface WsFrame {
  type: string;
  id?: string;
  payload?: unknown;
}

/** How long the driver waits for `connection_ack` (3 s) and for an operation's frames (15 s). */
const ACK_MS = 3_000;
const FRAME_MS = 15_000;

/**
 * The Python driver's Apollo client: no `Sec-WebSocket-Protocol` at all, `connection_init` with
 * the headers in the payload, `ka` frames dropped, frames queued per operation id.
 */
export class ApolloClient {
  private readonly frames: WsFrame[] = [];
  private wake: (() => void) | undefined;
  private closed = false;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as WsFrame;
      if (frame.type !== 'ka') this.frames.push(frame);
      this.wake?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake?.();
    });
  }

  /** Connects to `/v1/graphql` of `baseUrl` and initialises with `headers`. */
  static async connect(baseUrl: string, headers: Record<string, string>, path = '/v1/graphql'): Promise<ApolloClient> {
    const socket = new WebSocket(new URL(path, baseUrl.replace(/^http/, 'ws')));
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const client = new ApolloClient(socket);
    client.send({ type: 'connection_init', payload: { headers } });
    const ack = await client.next(() => true, ACK_MS);
    if (ack.type !== 'connection_ack') {
      client.close();
      throw new Error(`connection_init answered ${JSON.stringify(ack)}`);
    }
    return client;
  }

  send(message: unknown): void {
    this.socket.send(JSON.stringify(message));
  }

  /** The next frame matching `match` (others before it stay queued). */
  async next(match: (frame: WsFrame) => boolean, timeoutMs = FRAME_MS): Promise<WsFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.frames.findIndex(match);
      if (index >= 0) return this.frames.splice(index, 1)[0]!;
      if (this.closed) throw new Error('the socket closed');
      if (Date.now() > deadline) throw new Error(`no frame within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, 100);
      });
    }
  }

  close(): void {
    this.socket.close();
  }
}
