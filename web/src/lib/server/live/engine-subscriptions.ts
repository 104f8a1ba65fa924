import { Client, subscriptionExchange } from '@urql/core';
import { createClient, type Client as SocketClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface EngineSubscriptionsOptions {
  /** The engine's websocket endpoint, `ws://<engine>/v1/graphql` (Hasura serves both on one path). */
  url: string;
  /** The signed-in user's access token; the engine authenticates the socket once, at `connection_init`. */
  accessToken: string;
  /** Called once when the socket closes for any reason (metadata change, token expiry, engine restart). */
  onClosed(): void;
}

/** A urql client whose subscriptions run over one graphql-ws socket, and the way to close it. */
export interface EngineSubscriptions {
  client: Client;
  dispose(): void;
}

/**
 * One socket per live page, never retried here: when it closes, the page's event stream ends and
 * the browser reconnects through a new request, which resolves (and if due refreshes) the session
 * and sets the rotated cookie. A socket that reconnected by itself could only reuse a token that
 * may have just expired.
 */
export function openEngineSubscriptions(options: EngineSubscriptionsOptions): EngineSubscriptions {
  let closed = false;
  const socket: SocketClient = createClient({
    url: options.url,
    webSocketImpl: WebSocket,
    connectionParams: { headers: { Authorization: `Bearer ${options.accessToken}` } },
    lazy: false,
    retryAttempts: 0,
    // The close is handled through `closed` (and the subscription's error); graphql-ws would print it too.
    onNonLazyError: () => {},
    shouldRetry: () => false,
    on: {
      closed: () => {
        if (closed) return;
        closed = true;
        options.onClosed();
      },
    },
  });
  const client = new Client({
    url: options.url,
    exchanges: [
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: socket.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  return {
    client,
    dispose: () => {
      closed = true;
      void socket.dispose();
    },
  };
}
