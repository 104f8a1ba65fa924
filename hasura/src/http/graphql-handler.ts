import { parse } from 'graphql';
import { resolveSession } from '../auth/index.ts';
import { parseGraphQLBody, type GraphQLRequest, type RequestSession } from '../engine/index.ts';
import { EngineError, errorBody } from '../errors/index.ts';
import { checkBatchLimit, operationToRun } from '../limits/index.ts';
import { BodyTooLargeError, parseJsonBody, readBody } from './read-body.ts';
import { graphqlErrorReply, jsonReply, type Reply } from './reply.ts';
import type { RequestContext, ServerDeps } from './server-deps.ts';

/**
 * `/v1/graphql` answers every error with 200 and `{errors: [{message, extensions}]}`; the legacy
 * `/v1alpha1/graphql` answers with the error's own status and `{errors: [{path, error, code}]}`.
 */
export type GraphQLDialect = 'v1' | 'v1alpha1';

function errorReply(error: EngineError, dialect: GraphQLDialect): Reply {
  if (dialect === 'v1') return graphqlErrorReply(error);
  return jsonReply(error.status, JSON.stringify({ errors: [errorBody(error)] }));
}

/** The operation's name for the request log, read from the query when the request does not say it. */
function operationName(request: GraphQLRequest): string {
  if (request.operationName) return request.operationName;
  try {
    return operationToRun(parse(request.query, { noLocation: true }), undefined)?.name?.value ?? '(anonymous)';
  } catch {
    return '(anonymous)';
  }
}

/** Runs one request of a body (or of a batch); Hasura-shaped errors become its answer. */
async function runOne(deps: ServerDeps, context: RequestContext, session: RequestSession, request: GraphQLRequest, dialect: GraphQLDialect): Promise<Reply> {
  context.facts.operations.push(operationName(request));
  try {
    if (request.extensions?.persistedQuery) throw new EngineError('not-supported', 'Automatic Persisted Queries is not enabled');
    return jsonReply(200, await deps.engine.execute(session, request, context.headers));
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    context.facts.errorCodes.push(error.code);
    if (error.cause) deps.logger.error({ type: 'http-log', err: error.cause }, error.message);
    return errorReply(error, dialect);
  }
}

function authenticate(deps: ServerDeps, context: RequestContext): RequestSession {
  const session = resolveSession(deps.auth, context.headers);
  context.facts.role = session.role;
  return session;
}

function failed(context: RequestContext, error: unknown, dialect: GraphQLDialect = 'v1'): Reply {
  if (!(error instanceof EngineError)) throw error;
  context.facts.errorCodes.push(error.code);
  if (error instanceof BodyTooLargeError) return { ...graphqlErrorReply(error, error.status), close: true };
  return errorReply(error, dialect);
}

/**
 * `POST /v1/graphql`: one request `{query, variables?, operationName?}` or a batch (an array,
 * answered with an array in the same order). Like Hasura, every error it raises is answered with
 * HTTP 200 and `{errors: [...]}`; authentication errors and a batch over the role's
 * `batch_limit` answer the whole body, request errors only their element of a batch.
 */
export async function handleGraphQL(deps: ServerDeps, context: RequestContext, dialect: GraphQLDialect = 'v1'): Promise<Reply> {
  let session: RequestSession;
  let requests: GraphQLRequest | GraphQLRequest[];
  try {
    const body = await readBody(context.req, deps.limits.maxBodyBytes);
    session = authenticate(deps, context);
    requests = parseGraphQLBody(parseJsonBody(body));
  } catch (error) {
    return failed(context, error, dialect);
  }
  if (!Array.isArray(requests)) return runOne(deps, context, session, requests, dialect);
  try {
    checkBatchLimit(deps.engine.current.limits, session.role, requests.length);
  } catch (error) {
    return failed(context, error, dialect);
  }
  const answers: string[] = [];
  for (const request of requests) answers.push((await runOne(deps, context, session, request, dialect)).body);
  return jsonReply(200, `[${answers.join(',')}]`);
}

/**
 * `GET /v1/graphql` is Hasura's automatic-persisted-query endpoint, which the open-source build
 * answers (after authentication) with this fixed error.
 */
export function handleGraphQLGet(deps: ServerDeps, context: RequestContext): Reply {
  try {
    authenticate(deps, context);
    throw new EngineError('not-supported', 'PersistedQueryNotSupported');
  } catch (error) {
    return failed(context, error);
  }
}
