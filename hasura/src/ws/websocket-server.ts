import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { normalizeHeaders } from '../auth/index.ts';
import type { WsProtocol } from './client-messages.ts';
import { Connection } from './connection.ts';
import { CLOSE } from './server-messages.ts';
import type { SocketDeps } from './socket-deps.ts';

const WEBSOCKET_PATHS = new Set(['/v1/graphql', '/v1alpha1/graphql']);

/** Hasura picks graphql-transport-ws only when named; anything else is the Apollo protocol. */
function chooseSubprotocol(offered: Set<string>): string | false {
  if (offered.has('graphql-transport-ws')) return 'graphql-transport-ws';
  if (offered.has('graphql-ws')) return 'graphql-ws';
  return false;
}

function refuse(socket: Duplex, status: number, statusText: string, body: unknown): void {
  const text = JSON.stringify(body);
  socket.end(`HTTP/1.1 ${status} ${statusText}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`);
}

function originAllowed(req: IncomingMessage, origins: '*' | string[]): boolean {
  const origin = req.headers.origin;
  return origins === '*' || origin === undefined || origins.includes(origin);
}

/** The engine's websockets, attached to its HTTP server's upgrades. */
export interface WebSocketEndpoint {
  /** Closes every open socket with `code` (e.g. 1012 when metadata changed). */
  closeAll(code: number, reason: string): void;
  close(): void;
}

/**
 * Serves `/v1/graphql` and `/v1alpha1/graphql` upgrades with both of Hasura's protocols; other
 * paths are refused with Hasura's 404. Every socket closes with 1012 when the metadata changes.
 */
export function attachWebSockets(server: Server, deps: SocketDeps, corsOrigins: '*' | string[]): WebSocketEndpoint {
  const wss = new WebSocketServer({ noServer: true, handleProtocols: chooseSubprotocol });
  const connections = new Set<Connection>();
  const accept = (socket: WebSocket, req: IncomingMessage) => {
    const protocol: WsProtocol = socket.protocol === 'graphql-transport-ws' ? 'graphql-transport-ws' : 'apollo';
    const connection = new Connection(deps, socket, protocol, normalizeHeaders(req.headers), req.socket.remoteAddress);
    connections.add(connection);
    socket.on('close', () => connections.delete(connection));
  };
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (!WEBSOCKET_PATHS.has(path)) {
      return refuse(socket, 404, 'Not Found', { path: '$', error: "only '/v1/graphql', '/v1alpha1/graphql' are supported on websockets", code: 'not-found' });
    }
    if (!originAllowed(req, corsOrigins)) {
      return refuse(socket, 400, 'Bad Request', { path: '$', error: 'received origin header does not match configured CORS domains', code: 'access-denied' });
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, req));
  });
  const closeAll = (code: number, reason: string) => {
    for (const connection of [...connections]) connection.close(code, reason);
  };
  const unlisten = deps.engine.onMetadataChange(() => {
    deps.logger.info({ type: 'websocket-log', sockets: connections.size }, 'closing all websocket connections as the metadata has changed');
    closeAll(CLOSE.metadataChanged, 'Closing all websocket connections as the metadata has changed');
  });
  return {
    closeAll,
    close() {
      unlisten();
      closeAll(CLOSE.normal, 'server shutting down');
      wss.close();
    },
  };
}
