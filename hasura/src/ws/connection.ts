import type { WebSocket } from 'ws';
import { normalizeHeaders, resolveSession, withForwardedPeer, sessionExpiryMs, type RequestHeaders } from '../auth/index.ts';
import type { RequestSession } from '../engine/index.ts';
import { EngineError } from '../errors/index.ts';
import type { Unsubscribe } from '../subscriptions/index.ts';
import { MalformedMessageError, parseClientMessage, type ClientMessage, type WsProtocol } from './client-messages.ts';
import { runOperation, type OperationOutput } from './run-operation.ts';
import { CLOSE, serverFrames, type ServerFrames } from './server-messages.ts';
import type { SocketDeps } from './socket-deps.ts';

/** setTimeout's longest delay; a later expiry is re-checked when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A close frame's reason holds at most 123 bytes; longer texts are cut on a character boundary. */
function closeReason(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason) > 123) reason = reason.slice(0, -1);
  return reason;
}

/**
 * One websocket client: authenticated at `connection_init` (again at each later one, with the
 * latest headers, as Hasura accepts), its operations by id, keep-alives, and the timers that
 * close it (init timeout, token expiry).
 */
export class Connection {
  private readonly frames: ServerFrames;
  private session: RequestSession | undefined;
  private headers: RequestHeaders = {};
  private readonly operations = new Map<string, Unsubscribe | undefined>();
  private readonly timers: { init?: NodeJS.Timeout; keepAlive?: NodeJS.Timeout; expiry?: NodeJS.Timeout } = {};

  constructor(
    private readonly deps: SocketDeps,
    private readonly socket: WebSocket,
    private readonly protocol: WsProtocol,
    private readonly handshakeHeaders: RequestHeaders,
    private readonly peerAddress: string | undefined,
  ) {
    this.frames = serverFrames(protocol);
    this.timers.init = setTimeout(() => this.close(CLOSE.initTimeout, 'Connection initialisation timeout'), deps.settings.initTimeoutMs);
    socket.on('message', (data, isBinary) => this.receiveSafely(isBinary ? '' : String(data)));
    socket.on('close', () => this.cleanUp());
    socket.on('error', (error) => deps.logger.warn({ type: 'websocket-log', err: error }, 'websocket error'));
  }

  close(code: number, reason: string): void {
    this.cleanUp();
    this.socket.close(code, closeReason(reason));
  }

  private send(frame: string): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(frame);
  }

  /** Nothing a client sends may throw out of the socket handler: a failure closes this socket only. */
  private receiveSafely(text: string): void {
    try {
      this.receive(text);
    } catch (error) {
      this.deps.logger.error({ type: 'websocket-log', err: error }, 'unexpected error while handling a websocket message');
      this.close(1011, 'internal error');
    }
  }

  private receive(text: string): void {
    let message: ClientMessage;
    try {
      message = parseClientMessage(this.protocol, text);
    } catch (error) {
      if (!(error instanceof MalformedMessageError)) throw error;
      if (this.protocol === 'apollo') this.send(this.frames.connectionError(error.message));
      else this.close(CLOSE.badRequest, error.message);
      return;
    }
    this.handle(message);
  }

  private handle(message: ClientMessage): void {
    switch (message.kind) {
      case 'init':
        return this.init(message.headers);
      case 'start':
        return this.start(message.id, message.payload);
      case 'stop':
        return this.stop(message.id);
      case 'terminate':
        return this.close(CLOSE.normal, 'connection terminated');
      case 'ping':
        return this.send(this.frames.pong());
      case 'pong':
        return;
    }
  }

  private init(payloadHeaders: Record<string, string>): void {
    // The payload's headers win over the handshake's, as in Hasura.
    const { 'x-forwarded-for': _claimed, ...stated } = normalizeHeaders(payloadHeaders);
    // Only the proxies of the handshake may say where the client is, never the client's own payload.
    const proxied = this.handshakeHeaders['x-forwarded-for'];
    const headers = withForwardedPeer({ ...this.handshakeHeaders, ...stated, ...(proxied ? { 'x-forwarded-for': proxied } : {}) }, this.peerAddress);
    try {
      this.session = resolveSession(this.deps.auth, headers);
      this.headers = headers;
      this.watchExpiry(sessionExpiryMs(this.deps.auth, headers));
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      this.session = undefined;
      if (this.protocol === 'apollo') this.send(this.frames.connectionError(error.message));
      else this.close(CLOSE.forbidden, 'Forbidden');
      return;
    }
    clearTimeout(this.timers.init);
    this.send(this.frames.ack());
    this.startKeepAlive();
  }

  private startKeepAlive(): void {
    if (this.timers.keepAlive) return;
    this.send(this.frames.keepAlive());
    this.timers.keepAlive = setInterval(() => this.send(this.frames.keepAlive()), this.deps.settings.keepAliveMs);
  }

  private watchExpiry(expiresAtMs: number | undefined): void {
    clearTimeout(this.timers.expiry);
    if (expiresAtMs === undefined) return;
    const wait = Math.min(Math.max(expiresAtMs - Date.now(), 0), MAX_TIMER_MS);
    this.timers.expiry = setTimeout(() => {
      if (Date.now() >= expiresAtMs) this.expire();
      else this.watchExpiry(expiresAtMs);
    }, wait);
  }

  /**
   * Hasura's text when the token's time is up (hasura/graphql-engine#9765): Apollo clients get it
   * as `connection_error` before the close, graphql-transport-ws ones as the 4400 close reason.
   */
  private expire(): void {
    const message = 'Could not verify JWT: JWTExpired';
    if (this.protocol === 'graphql-transport-ws') return this.close(CLOSE.badRequest, message);
    this.send(this.frames.connectionError(message));
    this.close(CLOSE.normal, message);
  }

  private start(id: string, payload: Extract<ClientMessage, { kind: 'start' }>['payload']): void {
    const session = this.session;
    if (!session) {
      if (this.protocol === 'apollo') this.send(this.frames.connectionError('start received before the connection is initialised'));
      else this.close(CLOSE.unauthorized, 'Unauthorized');
      return;
    }
    if (this.operations.has(id)) {
      if (this.protocol === 'apollo') this.send(this.frames.error(id, [{ message: `an operation already exists with this id: ${id}`, extensions: { path: '$', code: 'start-failed' } }]));
      else this.close(CLOSE.duplicateId, `Subscriber for ${id} already exists`);
      return;
    }
    this.operations.set(id, undefined);
    const stop = runOperation(this.deps, session, this.headers, id, payload, this.output(id));
    if (this.operations.has(id)) this.operations.set(id, stop);
    else stop?.();
  }

  private output(id: string): OperationOutput {
    let done = false;
    return {
      protocol: this.protocol,
      frames: this.frames,
      send: (frame) => this.send(frame),
      active: () => !done && this.operations.has(id) && this.socket.readyState === this.socket.OPEN,
      finished: () => {
        done = true;
        this.operations.delete(id);
      },
    };
  }

  /** Stops an operation; an unknown id is ignored, and nothing is sent back. */
  private stop(id: string): void {
    const stop = this.operations.get(id);
    this.operations.delete(id);
    stop?.();
  }

  private cleanUp(): void {
    for (const timer of [this.timers.init, this.timers.expiry]) clearTimeout(timer);
    clearInterval(this.timers.keepAlive);
    for (const stop of this.operations.values()) stop?.();
    this.operations.clear();
  }
}
