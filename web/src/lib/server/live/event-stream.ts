import type { Logger } from 'pino';
import { openEngineSubscriptions } from './engine-subscriptions.ts';
import { liveChange, type LiveTopic } from './live-topics.ts';

export interface LiveStreamOptions {
  websocketUrl: string;
  accessToken: string;
  /** When the access token stops being good (ms since the epoch): the stream asks for renewal before. */
  accessTokenExpiresAt: number;
  topics: LiveTopic[];
  /** Aborted when the browser goes away. */
  signal: AbortSignal;
  logger: Logger;
  now?: () => number;
}

/** Proxies and load balancers drop connections that say nothing for a minute or so. */
const KEEP_ALIVE_MS = 20_000;
/**
 * The stream ends this long before the token expires (or halfway, for a token about to expire), so
 * the browser's next request refreshes it.
 */
const RENEW_BEFORE_EXPIRY_MS = 30_000;
/** How long EventSource waits before reconnecting after the stream ends unasked. */
const RECONNECT_MS = 1_000;

const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * A server-sent event stream of the topics' changes, relayed from one engine subscription socket
 * held here as the signed-in user. Events: `change` (a LiveChange), `renew` (reconnect now, the
 * session's token is about to be replaced), `unavailable` (the engine refused a topic; do not
 * retry). When the socket closes, the stream ends and the browser reconnects by itself.
 */
export function liveEventStream(options: LiveStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const now = options.now ?? Date.now;
  let finish = () => {};
  // Set when the reader cancelled: the stream is closed already and closing it again would throw.
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let done = false;
      const send = (text: string) => {
        if (!done && !cancelled) controller.enqueue(encoder.encode(text));
      };
      const engine = openEngineSubscriptions({
        url: options.websocketUrl,
        accessToken: options.accessToken,
        onClosed: () => finish(),
      });
      const subscriptions = options.topics.map((topic) =>
        engine.client.subscription(topic.document, topic.variables).subscribe((result) => {
          if (result.error) {
            // GraphQL errors would come back on every retry; a lost socket is worth reconnecting.
            const refused = result.error.graphQLErrors.length > 0;
            if (refused) {
              options.logger.warn({ topic: topic.name, error: result.error.message }, 'live topic refused');
              send(frame('unavailable', { topic: topic.name }));
            }
            finish();
            return;
          }
          if (result.data) send(frame('change', liveChange(topic, result.data)));
        }),
      );
      const keepAlive = setInterval(() => send(': keep-alive\n\n'), KEEP_ALIVE_MS);
      const remaining = options.accessTokenExpiresAt - now();
      const renew = setTimeout(() => {
        send(frame('renew', {}));
        finish();
      }, Math.max(0, remaining - Math.min(RENEW_BEFORE_EXPIRY_MS, remaining / 2)));
      finish = () => {
        if (done) return;
        done = true;
        clearInterval(keepAlive);
        clearTimeout(renew);
        for (const subscription of subscriptions) subscription.unsubscribe();
        engine.dispose();
        options.signal.removeEventListener('abort', finish);
        if (!cancelled) controller.close();
      };
      options.signal.addEventListener('abort', finish);
      send(`retry: ${RECONNECT_MS}\n\n`);
    },
    cancel() {
      cancelled = true;
      finish();
    },
  });
}
