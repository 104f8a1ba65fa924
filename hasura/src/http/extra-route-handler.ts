import { ADMIN_ROLE, resolveSession } from '../auth/index.ts';
import { EngineError } from '../errors/index.ts';
import type { ExtraRouteHandler } from './extra-routes.ts';
import { BodyTooLargeError, parseJsonBody, readBody } from './read-body.ts';
import { apiErrorReply, jsonReply, type Reply } from './reply.ts';
import type { RequestContext, ServerDeps } from './server-deps.ts';

/**
 * Hasura v2's answer to a non-admin session on these APIs (MonadMetadataApiAuthorization in
 * Hasura.App: `withPathK "args" $ throw400 AccessDenied "restricted access : admin only"`).
 */
const notAdmin = () => new EngineError('access-denied', 'restricted access : admin only', '$.args');

/**
 * `POST /v1/metadata`, `/v2/query`, `/v1/query`: authenticates like `/v1/graphql`, but answers
 * errors as `{path, error, code}` with their real status (401 for the admin secret, 400 for the
 * rest), and lets only the admin role through to the handler.
 */
export async function handleExtraRoute(deps: ServerDeps, context: RequestContext, handler: ExtraRouteHandler): Promise<Reply> {
  let body: unknown;
  try {
    const raw = await readBody(context.req, deps.limits.maxBodyBytes);
    const session = resolveSession(deps.auth, context.headers);
    context.facts.role = session.role;
    body = parseJsonBody(raw);
    if (session.role !== ADMIN_ROLE) throw notAdmin();
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    context.facts.errorCodes.push(error.code);
    return error instanceof BodyTooLargeError ? { ...apiErrorReply(error), close: true } : apiErrorReply(error);
  }
  try {
    const result = await handler(deps.engine, context.path, body, true);
    if (result.status >= 400) context.facts.errorCodes.push(String((result.body as { code?: unknown } | null)?.code ?? result.status));
    return jsonReply(result.status, JSON.stringify(result.body));
  } catch (error) {
    if (!(error instanceof EngineError) || error.status >= 500) throw error;
    context.facts.errorCodes.push(error.code);
    return apiErrorReply(error);
  }
}
