import type { Logger } from 'pino';
import type { AuthMode, RequestHeaders } from '../auth/index.ts';
import type { SubscriptionSettings } from '../config/index.ts';
import type { Engine } from '../engine/index.ts';
import type { Subscriptions } from '../subscriptions/index.ts';

/** What every socket needs, assembled once by the websocket server. */
export interface SocketDeps {
  engine: Engine;
  auth: AuthMode;
  subscriptions: Subscriptions;
  settings: SubscriptionSettings;
  logger: Logger;
}

/** One socket's own facts: its protocol and the handshake's headers (lower-case names). */
export interface SocketOrigin {
  handshakeHeaders: RequestHeaders;
}
