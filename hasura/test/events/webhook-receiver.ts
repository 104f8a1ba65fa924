import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { vi } from 'vitest';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
}

/** How the receiver answers one request; `hang` never answers (for timeouts). */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  hang?: boolean;
}

/** A real HTTP webhook on a loopback port that records what it receives. */
export class WebhookReceiver {
  readonly received: ReceivedRequest[] = [];
  private reply: (request: ReceivedRequest, index: number) => Reply = () => ({ status: 200, body: '{"ok":true}' });

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const received = { method: request.method!, path: request.url!, headers: request.headers, body: text ? JSON.parse(text) : null };
        receiver.received.push(received);
        const reply = receiver.reply(received, receiver.received.length - 1);
        if (reply.hang) return;
        response.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
        response.end(reply.body ?? '{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Answers the n-th request (0-based) with `reply(request, n)`. */
  replyWith(reply: (request: ReceivedRequest, index: number) => Reply): void {
    this.reply = reply;
  }

  async waitForRequests(count: number): Promise<ReceivedRequest[]> {
    await vi.waitFor(() => {
      if (this.received.length < count) throw new Error(`received ${this.received.length} of ${count} requests`);
    }, { timeout: 15_000, interval: 20 });
    return this.received;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
