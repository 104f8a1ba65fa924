import { resolveSession } from '../auth/index.ts';
import { parseGraphQLBody, type GraphQLRequest, type RequestSession } from '../engine/index.ts';
import { EngineError, graphqlErrorBody } from '../errors/index.ts';
import { checkQueryDepth, inspectOperation } from './query-depth.ts';
import { BodyTooLargeError, parseJsonBody, readBody } from './read-body.ts';
import { graphqlErrorReply, jsonReply, type Reply } from './reply.ts';
import type { RequestContext, ServerDeps } from './server-deps.ts';

/** Runs one request of a body (or of a batch); Hasura-shaped errors become its answer. */
async function runOne(deps: ServerDeps, context: RequestContext, session: RequestSession, request: GraphQLRequest): Promise<string> {
  const operation = inspectOperation(request.query, request.operationName);
  context.facts.operations.push(operation?.name ?? '(anonymous)');
  try {
    checkQueryDepth(operation, deps.limits.maxQueryDepth);
    return await deps.engine.execute(session, request, context.headers);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    context.facts.errorCodes.push(error.code);
    return JSON.stringify(graphqlErrorBody(error));
  }
}

function authenticate(deps: ServerDeps, context: RequestContext): RequestSession {
  const session = resolveSession(deps.auth, context.headers);
  context.facts.role = session.role;
  return session;
}

function failed(context: RequestContext, error: unknown): Reply {
  if (!(error instanceof EngineError)) throw error;
  context.facts.errorCodes.push(error.code);
  if (error instanceof BodyTooLargeError) return { ...graphqlErrorReply(error, error.status), close: true };
  return graphqlErrorReply(error);
}

/**
 * `POST /v1/graphql`: one request `{query, variables?, operationName?}` or a batch (an array,
 * answered with an array in the same order). Like Hasura, every error it raises is answered with
 * HTTP 200 and `{errors: [...]}`; authentication errors answer the whole body, request errors
 * only their element of a batch.
 */
export async function handleGraphQL(deps: ServerDeps, context: RequestContext): Promise<Reply> {
  let session: RequestSession;
  let requests: GraphQLRequest | GraphQLRequest[];
  try {
    const body = await readBody(context.req, deps.limits.maxBodyBytes);
    session = authenticate(deps, context);
    requests = parseGraphQLBody(parseJsonBody(body));
  } catch (error) {
    return failed(context, error);
  }
  if (!Array.isArray(requests)) return jsonReply(200, await runOne(deps, context, session, requests));
  const answers: string[] = [];
  for (const request of requests) answers.push(await runOne(deps, context, session, request));
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
