import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mailboxListPage, mailboxMessagePage } from './mailbox-pages.ts';
import { readMailSend, type ReceivedMail } from './sendgrid-request.ts';

export interface MailboxOptions {
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The API key the mail API accepts (as `Authorization: Bearer …`). */
  apiKey: string;
  /** Messages kept; older ones are dropped. */
  keep?: number;
}

export interface Mailbox {
  /** Base URL of the pages, and the address to give the SendGrid client (`SENDGRID_API_URL`). */
  url: string;
  /** Everything received, oldest first. */
  messages(): readonly ReceivedMail[];
  /** Answers the next `count` sends with this HTTP status instead of accepting them (tests of provider outages). */
  failNext(status: number, count?: number): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        resolve(undefined);
      }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string, type: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  send(res, status, JSON.stringify(body), 'application/json', headers);

// The pages show mail content: no scripts at all, and styles only from the page and the messages.
const PAGE_HEADERS = { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'" };

/**
 * Starts the development mailbox: `POST /v3/mail/send` behaves like SendGrid's (bearer key, 202
 * with `X-Message-Id`, 400 with SendGrid's error body for a bad address), `GET /` lists the
 * messages and `GET /messages/<id>` shows one; `GET /api/messages` gives them as JSON.
 */
export async function startMailbox(options: MailboxOptions): Promise<Mailbox> {
  const stored: ReceivedMail[] = [];
  const failures: number[] = [];
  const keep = options.keep ?? 500;

  async function receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return json(res, 401, { errors: [{ message: 'The provided authorization grant is invalid, expired, or revoked', field: null, help: null }] });
    }
    const failure = failures.shift();
    if (failure !== undefined) return json(res, failure, { errors: [{ message: `simulated failure ${failure}`, field: null, help: null }] });
    const read = readMailSend(await readJson(req), randomBytes(11).toString('base64url'), new Date());
    if ('refused' in read) return json(res, 400, read.refused);
    stored.push(read.mail);
    if (stored.length > keep) stored.splice(0, stored.length - keep);
    send(res, 202, '', 'text/plain', { 'x-message-id': read.mail.id });
  }

  function show(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://mailbox').pathname;
    if (path === '/') return send(res, 200, mailboxListPage([...stored].reverse()), 'text/html; charset=utf-8', PAGE_HEADERS);
    if (path === '/api/messages') return json(res, 200, stored);
    const mail = path.startsWith('/messages/') ? stored.find((candidate) => candidate.id === path.slice('/messages/'.length)) : undefined;
    if (mail) return send(res, 200, mailboxMessagePage(mail), 'text/html; charset=utf-8', PAGE_HEADERS);
    send(res, 404, 'No such message', 'text/plain');
  }

  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/v3/mail/send') {
      receive(req, res).catch(() => json(res, 400, { errors: [{ message: 'unreadable request', field: null, help: null }] }));
    } else if (req.method === 'GET') {
      show(req, res);
    } else {
      send(res, 405, 'Method not allowed', 'text/plain');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    messages: () => stored,
    failNext(status, count = 1) {
      for (let i = 0; i < count; i += 1) failures.push(status);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
