import type { WsProtocol } from './client-messages.ts';

/** Hasura's close codes and texts for graphql-transport-ws (the Apollo protocol uses them for timeouts too). */
export const CLOSE = {
  badRequest: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  initTimeout: 4408,
  duplicateId: 4409,
  /** Service restart: Hasura's code when metadata changed, so clients reconnect. */
  metadataChanged: 1012,
  normal: 1000,
} as const;

/** The frames the server sends, written in one protocol's vocabulary. */
export interface ServerFrames {
  ack(): string;
  keepAlive(): string;
  /** A result (`{data}` or `{data, errors}`) as JSON text. */
  data(id: string, payload: string): string;
  /** Errors of an operation that produced no result: `[{message, extensions}]`. */
  error(id: string, errors: unknown[]): string;
  complete(id: string): string;
  /** Apollo only: a connection-level error; graphql-transport-ws closes the socket instead. */
  connectionError(message: string): string;
  pong(): string;
}

const frame = (type: string, id?: string, payload?: string) =>
  `{"type":${JSON.stringify(type)}${id === undefined ? '' : `,"id":${JSON.stringify(id)}`}${payload === undefined ? '' : `,"payload":${payload}`}}`;

const apollo: ServerFrames = {
  ack: () => frame('connection_ack'),
  keepAlive: () => frame('ka'),
  data: (id, payload) => frame('data', id, payload),
  error: (id, errors) => frame('error', id, JSON.stringify({ errors })),
  complete: (id) => frame('complete', id),
  connectionError: (message) => frame('connection_error', undefined, JSON.stringify(message)),
  pong: () => frame('ka'),
};

const transportWs: ServerFrames = {
  ack: () => frame('connection_ack'),
  keepAlive: () => frame('ping', undefined, '{"message":"keepalive"}'),
  data: (id, payload) => frame('next', id, payload),
  error: (id, errors) => frame('error', id, JSON.stringify(errors)),
  complete: (id) => frame('complete', id),
  connectionError: () => {
    throw new Error('graphql-transport-ws has no connection_error frame; close the socket instead');
  },
  pong: () => frame('pong'),
};

export function serverFrames(protocol: WsProtocol): ServerFrames {
  return protocol === 'apollo' ? apollo : transportWs;
}
