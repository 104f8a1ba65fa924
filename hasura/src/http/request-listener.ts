import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EngineError } from '../errors/index.ts';
import { corsHeaders, preflightHeaders } from './cors.ts';
import { handleExtraRoute } from './extra-route-handler.ts';
import { extraRouteFor } from './extra-routes.ts';
import { handleGraphQL, handleGraphQLGet } from './graphql-handler.ts';
import { healthReply, versionReply } from './health.ts';
import { apiErrorReply, graphqlErrorReply, jsonReply, NOT_FOUND_BODY, textReply, writeReply, type Reply } from './reply.ts';
import { requestContext, type RequestContext, type ServerDeps } from './server-deps.ts';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const GRAPHQL_PATH = '/v1/graphql';
const LEGACY_GRAPHQL_PATH = '/v1alpha1/graphql';

async function route(deps: ServerDeps, context: RequestContext): Promise<Reply> {
  const { method, path } = context;
  if (method === 'GET' && (path === '/healthz' || path === '/hasura/healthz')) {
    return healthReply(deps.engine, context.query.get('strict') === 'true');
  }
  if (method === 'GET' && path === '/v1/version') return versionReply();
  if (path === GRAPHQL_PATH && method === 'POST') return handleGraphQL(deps, context);
  if (path === GRAPHQL_PATH && method === 'GET') return handleGraphQLGet(deps, context);
  if (path === LEGACY_GRAPHQL_PATH && method === 'POST') return handleGraphQL(deps, context, 'v1alpha1');
  const extra = method === 'POST' ? extraRouteFor(deps.extraRoutes, path) : undefined;
  if (extra) return handleExtraRoute(deps, context, extra);
  return jsonReply(404, NOT_FOUND_BODY);
}

/** A failure nobody planned for: a generic message for the client; the detail goes to the log only. */
function unexpectedReply(path: string): Reply {
  const error = new EngineError('unexpected', 'unexpected error', '$', 500);
  return path === GRAPHQL_PATH ? graphqlErrorReply(error, 500) : apiErrorReply(error);
}

function logRequest(deps: ServerDeps, context: RequestContext, reply: Reply, requestId: string, startedAt: bigint): void {
  if (!deps.requestLogs) return;
  const durationMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
  const { role, operations, errorCodes } = context.facts;
  const entry = {
    type: 'http-log',
    requestId,
    method: context.method,
    path: context.path,
    status: reply.status,
    durationMs: Math.round(durationMs * 100) / 100,
    responseBytes: Buffer.byteLength(reply.body),
    ...(role === undefined ? {} : { role }),
    ...(operations.length === 0 ? {} : { operations }),
    ...(errorCodes.length === 0 ? {} : { errorCodes }),
  };
  if (reply.status >= 500) deps.logger.error(entry, 'request failed');
  else deps.logger.info(entry, 'request');
}

async function serve(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const startedAt = process.hrtime.bigint();
  const context = requestContext(req);
  const sentId = context.headers['x-request-id'];
  const requestId = sentId !== undefined && REQUEST_ID.test(sentId) ? sentId : randomUUID();
  const cors = corsHeaders(context.headers, deps.corsOrigins);
  let reply: Reply;
  let headers: Record<string, string> = { ...cors, 'x-request-id': requestId };
  try {
    if (cors && context.method === 'OPTIONS') {
      reply = textReply(204, '');
      headers = { ...headers, ...preflightHeaders(context.headers) };
    } else {
      reply = await route(deps, context);
    }
  } catch (error) {
    deps.logger.error({ type: 'http-log', requestId, path: context.path, err: error }, 'unexpected error while serving a request');
    reply = unexpectedReply(context.path);
  }
  if (!res.headersSent) writeReply(res, reply, headers);
  logRequest(deps, context, reply, requestId, startedAt);
}

/** The `node:http` request listener of the engine. */
export function createRequestListener(deps: ServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void serve(deps, req, res).catch((error: unknown) => {
      deps.logger.error({ type: 'http-log', err: error }, 'could not answer a request');
      res.destroy();
    });
  };
}
