import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { EventSink, OrderStatusEvent } from './event-sink.ts';
import { fetchIntegratorToken, KeyRefusedError, type IntegratorToken } from './integrator-token.ts';

export interface OrderFeedOptions {
  /** The portal's GraphQL endpoint over HTTPS, e.g. https://portal.example/v1/graphql (the websocket uses the same path). */
  graphqlUrl: string;
  apiKey: string;
  sink: EventSink;
  /** Events per message (the stream's batch_size); default 100. */
  batchSize?: number;
  /**
   * Get a new token and reconnect this long before the current one expires; default 60 s. Negative
   * values wait past the expiry, leaving the engine to close the socket (used by the tests).
   */
  refreshBeforeMs?: number;
  /** First wait after a failure, doubled per failure up to maxRetryDelayMs; defaults 1 s and 30 s. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** Told about connections, reconnections and failures (never about the key or the token). */
  log?: (message: string, details?: Record<string, unknown>) => void;
}

export interface OrderFeed {
  /** Stops after the event being written, if any. */
  stop(): Promise<void>;
  /** Settles when the feed stops: resolved after stop(), rejected when the key is refused or the sink fails. */
  readonly finished: Promise<void>;
}

const STREAM = `subscription OrderStatusEvents($after: bigint!, $batchSize: Int!) {
  order_status_events_stream(batch_size: $batchSize, cursor: { initial_value: { event_number: $after }, ordering: ASC }) {
    event_number order_id from_status to_status changed_by_role created_at
  }
}`;

type Row = Omit<OrderStatusEvent, 'event_number'> & { event_number: number | string };

const websocketUrl = (graphqlUrl: string) => graphqlUrl.replace(/^http/, 'ws');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Follows the company's order status events for as long as it runs. Each connection: a fresh
 * token, the stream from the sink's cursor, every event written once and in order. A connection
 * ends when the token is due for renewal, the socket drops, or the portal closes it (1012 after a
 * metadata change, 4403 at token expiry); the feed then reconnects from the cursor, which the sink
 * advanced with each write, so nothing is lost and nothing repeats.
 */
export function startOrderFeed(options: OrderFeedOptions): OrderFeed {
  const log = options.log ?? (() => {});
  let stopped = false;
  let stopCurrent = () => {};
  const finished = (async () => {
    let delay = options.retryDelayMs ?? 1_000;
    while (!stopped) {
      try {
        const token = await fetchIntegratorToken(options.graphqlUrl, options.apiKey);
        const wrote = await followOnce(token);
        if (wrote) delay = options.retryDelayMs ?? 1_000;
      } catch (error) {
        if (error instanceof KeyRefusedError || error instanceof SinkError) throw error;
        log('connection failed; retrying', { error: error instanceof Error ? error.message : String(error), retryInMs: delay });
        await sleep(delay);
        delay = Math.min(delay * 2, options.maxRetryDelayMs ?? 30_000);
      }
    }
  })();

  /** One connection, until it ends; true when it wrote at least one event or ended as planned. */
  async function followOnce(token: IntegratorToken): Promise<boolean> {
    const after = await options.sink.lastEventNumber();
    let writing: Promise<void> = Promise.resolve();
    let written = 0;
    let sinkFailure: unknown = null;
    let cursor = after;
    const writeBatch = async (rows: Row[]) => {
      for (const row of rows) {
        const event = { ...row, event_number: Number(row.event_number) };
        // A batch can overlap what is already written (a resumed stream): the cursor decides.
        if (event.event_number <= cursor) continue;
        await options.sink.write(event);
        cursor = event.event_number;
        written += 1;
      }
    };
    const socket: Client = createClient({
      url: websocketUrl(options.graphqlUrl),
      webSocketImpl: WebSocket,
      connectionParams: { headers: { Authorization: `Bearer ${token.accessToken}` } },
      lazy: false,
      retryAttempts: 0,
      // The close is handled through `closed` (and the subscription's error); graphql-ws would print it too.
      onNonLazyError: () => {},
      shouldRetry: () => false,
    });
    let renewal: ReturnType<typeof setTimeout> | undefined;
    const ended = new Promise<string>((resolve) => {
      if (stopped) return resolve('stopped');
      const renewIn = Math.max(0, token.expiresAt - (options.refreshBeforeMs ?? 60_000) - Date.now());
      renewal = setTimeout(() => resolve('token renewal'), renewIn);
      stopCurrent = () => resolve('stopped');
      socket.on('closed', (event) => resolve(`socket closed (${(event as { code?: number }).code ?? 'no code'})`));
      socket.subscribe<{ order_status_events_stream: Row[] }>(
        { query: STREAM, variables: { after, batchSize: options.batchSize ?? 100 } },
        {
          next: (message) => {
            const rows = message.data?.order_status_events_stream ?? [];
            writing = writing.then(() => writeBatch(rows)).catch((error) => {
              sinkFailure = error;
              resolve('sink failed');
            });
          },
          error: (error) => resolve(`stream error: ${Array.isArray(error) ? error.map((e) => e.message).join('; ') : String((error as Error)?.message ?? error)}`),
          complete: () => resolve('stream completed'),
        },
      );
    });
    log('following order status events', { after });
    const reason = await ended;
    clearTimeout(renewal);
    await socket.dispose();
    await writing;
    if (sinkFailure) throw new SinkError(sinkFailure);
    log('connection ended', { reason, written, cursor });
    return written > 0 || reason === 'token renewal';
  }

  return {
    finished,
    async stop() {
      stopped = true;
      stopCurrent();
      await finished.catch(() => undefined);
    },
  };
}

/** The sink could not write: stop rather than skip an event. */
export class SinkError extends Error {
  constructor(cause: unknown) {
    super(`the event sink failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
