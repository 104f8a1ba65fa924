import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { normalizeHeaders, withForwardedPeer, type AuthMode, type RequestHeaders } from '../auth/index.ts';
import type { EngineConfig } from '../config/index.ts';
import type { Engine } from '../engine/index.ts';
import type { ExtraRoutes } from './extra-routes.ts';

/** What the request handlers need, assembled once by `startEngineServer`. */
export interface ServerDeps {
  engine: Engine;
  auth: AuthMode;
  limits: EngineConfig['limits'];
  corsOrigins: EngineConfig['corsOrigins'];
  extraRoutes: ExtraRoutes;
  logger: Logger;
  /** Whether `http-log` is among `HASURA_GRAPHQL_ENABLED_LOG_TYPES`. */
  requestLogs: boolean;
}

/** Facts about a request for its log line: never secrets, tokens, queries or variables. */
export interface RequestFacts {
  role?: string;
  operations: string[];
  errorCodes: string[];
}

export interface RequestContext {
  req: IncomingMessage;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: RequestHeaders;
  facts: RequestFacts;
}

export function requestContext(req: IncomingMessage): RequestContext {
  const target = req.url ?? '/';
  const mark = target.indexOf('?');
  return {
    req,
    method: req.method ?? 'GET',
    path: mark === -1 ? target : target.slice(0, mark),
    query: new URLSearchParams(mark === -1 ? '' : target.slice(mark + 1)),
    headers: withForwardedPeer(normalizeHeaders(req.headers), req.socket.remoteAddress),
    facts: { operations: [], errorCodes: [] },
  };
}
