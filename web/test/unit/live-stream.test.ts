import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { useServer } from 'graphql-ws/use/ws';
import pino from 'pino';
import { afterEach, describe, expect, test } from 'vitest';
import { WebSocketServer } from 'ws';
import { liveEventStream } from '../../src/lib/server/live/event-stream.ts';
import { ORDERS_TOPIC, QUOTES_TOPIC } from '../../src/lib/server/live/live-topics.ts';
import { CLOCK_MARGIN_MS, needsReload } from '../../src/lib/live/live-change.ts';

// graphql-ws's server loads graphql through Node's require; a schema from vite's copy would be of another realm.
const { buildSchema } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

/** The part of the engine's subscription schema the orders topic reads; quotes are missing on purpose. */
const SCHEMA = buildSchema(`
  type Max { updated_at: String }
  type Aggregate { count: Int! max: Max }
  type OrdersAggregate { aggregate: Aggregate }
  type Query { ok: Boolean }
  type Subscription { sales_orders_aggregate: OrdersAggregate! }
`);

/** A graphql-ws server on loopback whose answers the test pushes, recording each connection's headers. */
async function startEngine() {
  const authorizations: unknown[] = [];
  const pending: Array<(value: unknown) => void> = [];
  const queued: unknown[] = [];
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  const push = (value: unknown) => {
    const waiter = pending.shift();
    if (waiter) waiter(value);
    else queued.push(value);
  };
  const next = () => (queued.length > 0 ? Promise.resolve(queued.shift()) : new Promise((resolve) => pending.push(resolve)));
  const roots = {
    sales_orders_aggregate: async function* () {
      for (;;) yield { sales_orders_aggregate: await next() };
    },
  };
  useServer(
    {
      schema: SCHEMA,
      roots: { subscription: roots },
      onConnect: (ctx) => {
        authorizations.push((ctx.connectionParams?.headers as Record<string, unknown> | undefined)?.Authorization);
      },
    },
    wss,
  );
  await new Promise((resolve) => wss.once('listening', resolve));
  const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/v1/graphql`;
  return {
    url,
    authorizations,
    push,
    /** Closes every socket as the engine does on a metadata change. */
    restart: () => {
      for (const client of wss.clients) client.close(1012, 'Service Restart');
    },
    close: () => new Promise<void>((resolve) => wss.close(() => resolve())),
  };
}

type Engine = Awaited<ReturnType<typeof startEngine>>;
const started: Engine[] = [];
afterEach(async () => {
  for (const engine of started.splice(0)) await engine.close();
});

/** Reads the stream's frames as they arrive, as the browser's EventSource would. */
function reader(stream: ReadableStream<Uint8Array>) {
  const source = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let ended = false;
  return {
    get ended() {
      return ended;
    },
    /** What the server does when the browser goes away mid-stream. */
    cancel: () => source.cancel(),
    async frame(): Promise<string | null> {
      for (;;) {
        const cut = buffer.indexOf('\n\n');
        if (cut >= 0) {
          const frame = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          return frame;
        }
        const { value, done } = await source.read();
        if (done) {
          ended = true;
          return null;
        }
        buffer += decoder.decode(value, { stream: true });
      }
    },
  };
}

const aggregate = (count: number, updatedAt: string) => ({ aggregate: { count, max: { updated_at: updatedAt } } });
const logger = pino({ level: 'silent' });

async function open(topics = [ORDERS_TOPIC], expiresInMs = 15 * 60_000) {
  const engine = await startEngine();
  started.push(engine);
  const abort = new AbortController();
  const stream = liveEventStream({
    websocketUrl: engine.url,
    accessToken: 'token-of-the-user',
    accessTokenExpiresAt: Date.now() + expiresInMs,
    topics,
    signal: abort.signal,
    logger,
  });
  const frames = reader(stream);
  expect(await frames.frame()).toBe('retry: 1000');
  return { engine, frames, abort };
}

describe('a live page\'s event stream, relayed from a graphql-ws subscription held by the web server', () => {
  test('authenticates the socket with the user\'s token and sends each answer as a change with a digest, not the data', async () => {
    const { engine, frames, abort } = await open();
    engine.push(aggregate(3, '2026-03-01T10:00:00Z'));
    const first = await frames.frame();
    expect(engine.authorizations).toEqual(['Bearer token-of-the-user']);
    expect(first).toMatch(/^event: change\ndata: /);
    const change = JSON.parse(first!.split('data: ')[1]!);
    expect(change).toEqual({ topic: 'orders', signature: expect.stringMatching(/^[\w-]{22}$/), changedAt: '2026-03-01T10:00:00Z' });
    expect(first).not.toContain('"count"');
    engine.push(aggregate(4, '2026-03-01T10:05:00Z'));
    const second = JSON.parse((await frames.frame())!.split('data: ')[1]!);
    expect(second.signature).not.toBe(change.signature);
    abort.abort();
    expect(await frames.frame()).toBeNull();
  });

  test('a browser that goes away cancels the stream cleanly (closing it again would crash the web server)', async () => {
    const { engine, frames } = await open();
    engine.push(aggregate(1, '2026-03-01T10:00:00Z'));
    expect(await frames.frame()).toMatch(/^event: change/);
    await expect(frames.cancel()).resolves.toBeUndefined();
  });

  test('ends when the engine closes the socket (1012 on a metadata change), so the browser reconnects through a new request', async () => {
    const { engine, frames } = await open();
    engine.push(aggregate(1, '2026-03-01T10:00:00Z'));
    expect(await frames.frame()).toMatch(/^event: change/);
    engine.restart();
    expect(await frames.frame()).toBeNull();
    expect(frames.ended).toBe(true);
  });

  test('asks the browser to renew before the access token expires, then ends', async () => {
    const { frames } = await open([ORDERS_TOPIC], 1_000);
    expect(await frames.frame()).toBe('event: renew\ndata: {}');
    expect(await frames.frame()).toBeNull();
  });

  test('a topic the engine refuses is reported as unavailable (not retried) and ends the stream', async () => {
    const { frames } = await open([QUOTES_TOPIC]);
    expect(await frames.frame()).toBe('event: unavailable\ndata: {"topic":"quotes"}');
    expect(await frames.frame()).toBeNull();
  });
});

describe('whether a live change means the page is stale', () => {
  const loadedAt = '2026-03-01T10:00:00.000Z';
  const change = (signature: string, changedAt: string | null) => ({ topic: 'order', signature, changedAt });

  test('the first answer reloads only when its newest change may be later than the page\'s data', () => {
    expect(needsReload(change('a', '2026-03-01T09:00:00Z'), undefined, loadedAt)).toBe(false);
    expect(needsReload(change('a', null), undefined, loadedAt)).toBe(false);
    expect(needsReload(change('a', '2026-03-01T10:00:01Z'), undefined, loadedAt)).toBe(true);
    const withinMargin = new Date(Date.parse(loadedAt) - CLOCK_MARGIN_MS + 1).toISOString();
    expect(needsReload(change('a', withinMargin), undefined, loadedAt)).toBe(true);
  });

  test('later answers reload when their digest differs from the last one seen, even after a reconnect', () => {
    expect(needsReload(change('a', '2026-03-01T09:00:00Z'), 'a', loadedAt)).toBe(false);
    expect(needsReload(change('b', '2026-03-01T09:00:00Z'), 'a', loadedAt)).toBe(true);
  });
});
