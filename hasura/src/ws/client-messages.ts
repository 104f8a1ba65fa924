import { z } from 'zod';

/** The two protocols Hasura serves on its websockets. */
export type WsProtocol = 'graphql-transport-ws' | 'apollo';

const operationPayload = z.object({
  query: z.string(),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().nullish(),
  extensions: z.record(z.string(), z.unknown()).nullish(),
});

const initPayload = z.object({ headers: z.record(z.string(), z.unknown()).nullish() }).passthrough().nullish();

const apolloMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('connection_init'), payload: initPayload }),
  z.object({ type: z.literal('start'), id: z.string(), payload: operationPayload }),
  z.object({ type: z.literal('stop'), id: z.string() }),
  z.object({ type: z.literal('connection_terminate') }),
]);

const transportWsMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('connection_init'), payload: initPayload }),
  z.object({ type: z.literal('subscribe'), id: z.string(), payload: operationPayload }),
  z.object({ type: z.literal('complete'), id: z.string() }),
  z.object({ type: z.literal('ping'), payload: z.unknown().optional() }),
  z.object({ type: z.literal('pong'), payload: z.unknown().optional() }),
]);

/** A client frame, the same for both protocols. */
export type ClientMessage =
  | { kind: 'init'; headers: Record<string, string> }
  | { kind: 'start'; id: string; payload: z.infer<typeof operationPayload> }
  | { kind: 'stop'; id: string }
  | { kind: 'terminate' }
  | { kind: 'ping' }
  | { kind: 'pong' };

/** Header values are sent as JSON values; Hasura reads them as text. */
function headerText(headers: Record<string, unknown> | null | undefined): Record<string, string> {
  const entries = Object.entries(headers ?? {}).filter(([, value]) => value !== null && value !== undefined);
  return Object.fromEntries(entries.map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)]));
}

/** Thrown for a frame that is not JSON or not a message of the protocol; the text is what the client is told. */
export class MalformedMessageError extends Error {}

function decodeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new MalformedMessageError('parsing ClientMessage failed: not a valid json value');
  }
}

/** One frame of `protocol` as a ClientMessage; throws MalformedMessageError. */
export function parseClientMessage(protocol: WsProtocol, text: string): ClientMessage {
  const json = decodeJson(text);
  const result = (protocol === 'apollo' ? apolloMessage : transportWsMessage).safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new MalformedMessageError(`parsing ClientMessage failed: ${issue.message}${issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''}`);
  }
  const message = result.data;
  switch (message.type) {
    case 'connection_init':
      return { kind: 'init', headers: headerText(message.payload?.headers) };
    case 'start':
    case 'subscribe':
      return { kind: 'start', id: message.id, payload: message.payload };
    case 'stop':
    case 'complete':
      return { kind: 'stop', id: message.id };
    case 'connection_terminate':
      return { kind: 'terminate' };
    case 'ping':
      return { kind: 'ping' };
    case 'pong':
      return { kind: 'pong' };
  }
}
