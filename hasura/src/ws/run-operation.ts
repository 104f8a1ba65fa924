import type { GraphQLRequest, RequestSession } from '../engine/index.ts';
import { EngineError, graphqlErrorBody } from '../errors/index.ts';
import type { Unsubscribe } from '../subscriptions/index.ts';
import type { WsProtocol } from './client-messages.ts';
import { isSubscription } from './operation-kind.ts';
import type { ServerFrames } from './server-messages.ts';
import type { SocketDeps } from './socket-deps.ts';

/** How an operation talks back on its socket. */
export interface OperationOutput {
  protocol: WsProtocol;
  frames: ServerFrames;
  send(frame: string): void;
  /** Whether the operation is still wanted (not stopped, socket open). */
  active(): boolean;
  /** The operation is over (its id may be reused). */
  finished(): void;
}

function sendErrors(id: string, out: OperationOutput, errors: unknown[]): void {
  out.send(out.frames.error(id, errors));
  // graphql-transport-ws: `error` ends the operation; Apollo clients wait for `complete` as well.
  if (out.protocol === 'apollo') out.send(out.frames.complete(id));
  out.finished();
}

/** A query or mutation over the socket: its one result, then `complete`. */
async function runOnce(deps: SocketDeps, session: RequestSession, headers: Record<string, string>, id: string, request: GraphQLRequest, out: OperationOutput): Promise<void> {
  const body = await deps.engine.execute(session, request, headers);
  if (!out.active()) return;
  const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown[] };
  if (parsed.data === undefined && parsed.errors) return sendErrors(id, out, parsed.errors);
  out.send(out.frames.data(id, body));
  out.send(out.frames.complete(id));
  out.finished();
}

/**
 * Starts one operation: a subscription joins its multiplexed group (returning how to stop it),
 * a query or mutation runs once. Hasura's errors become `error` frames; nothing throws.
 */
export function runOperation(deps: SocketDeps, session: RequestSession, headers: Record<string, string>, id: string, request: GraphQLRequest, out: OperationOutput): Unsubscribe | undefined {
  try {
    if (request.extensions?.persistedQuery) throw new EngineError('not-supported', 'Automatic Persisted Queries is not enabled');
    if (isSubscription(request.query, request.operationName)) {
      return deps.subscriptions.subscribe(session, request, (payload) => {
        if (out.active()) out.send(out.frames.data(id, payload));
      });
    }
    runOnce(deps, session, headers, id, request, out).catch((error: unknown) => failed(deps, id, out, error));
  } catch (error) {
    failed(deps, id, out, error);
  }
  return undefined;
}

function failed(deps: SocketDeps, id: string, out: OperationOutput, error: unknown): void {
  if (!out.active()) return;
  if (error instanceof EngineError) return sendErrors(id, out, graphqlErrorBody(error).errors);
  deps.logger.error({ type: 'websocket-log', err: error }, 'unexpected error while running a websocket operation');
  sendErrors(id, out, graphqlErrorBody(new EngineError('unexpected', 'unexpected error')).errors);
}
