import WebSocket from 'ws';

/** One graphql-transport-ws client with one subscription, as a portal page or an integrator holds. */
export interface WsSubscriber {
  /** Resolves with the first result. */
  first: Promise<unknown>;
  close(): void;
}

/**
 * Opens a socket, initialises it with `token`, subscribes to `query` and hands every result's
 * `data` to `onData` (after the first, which resolves `first`).
 */
export function openSubscriber(graphqlUrl: string, token: string, query: string, variables: Record<string, unknown>, onData: (data: any) => void): WsSubscriber {
  const socket = new WebSocket(graphqlUrl.replace(/^http/, 'ws'), ['graphql-transport-ws']);
  let resolveFirst: (data: unknown) => void;
  let rejectFirst: (error: Error) => void;
  const first = new Promise<unknown>((resolve, reject) => {
    resolveFirst = resolve;
    rejectFirst = reject;
  });
  let received = false;
  socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { headers: { Authorization: `Bearer ${token}` } } })));
  socket.on('message', (raw) => {
    const frame = JSON.parse(String(raw)) as { type: string; payload?: { data?: unknown; errors?: unknown } };
    if (frame.type === 'connection_ack') socket.send(JSON.stringify({ type: 'subscribe', id: '1', payload: { query, variables } }));
    else if (frame.type === 'ping') socket.send('{"type":"pong"}');
    else if (frame.type === 'next' && frame.payload?.data !== undefined) {
      if (!received) resolveFirst(frame.payload.data);
      else onData(frame.payload.data);
      received = true;
    } else if (frame.type === 'error' || frame.payload?.errors) rejectFirst(new Error(`subscription failed: ${JSON.stringify(frame.payload)}`));
  });
  socket.on('close', (code, reason) => rejectFirst(new Error(`socket closed: ${code} ${String(reason)}`)));
  socket.on('error', (error) => rejectFirst(error));
  return { first, close: () => socket.close() };
}
