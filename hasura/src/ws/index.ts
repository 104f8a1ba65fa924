/**
 * The engine's websockets: graphql-transport-ws and Apollo's subscriptions-transport-ws on the
 * GraphQL paths, authenticated at `connection_init`, serving queries, mutations and subscriptions.
 */
export { attachWebSockets, type WebSocketEndpoint } from './websocket-server.ts';
export { CLOSE } from './server-messages.ts';
export type { SocketDeps } from './socket-deps.ts';
