import type { Engine } from '../engine/index.ts';

/** The non-GraphQL APIs this server mounts (admin only, as in Hasura): src/metadata-api/ unless replaced. */
export const EXTRA_ROUTE_PATHS = ['/v1/query', '/v2/query', '/v1/metadata'] as const;
export type ExtraRoutePath = (typeof EXTRA_ROUTE_PATHS)[number];

/** What a handler answers: the HTTP status and a JSON-serialisable body (`{path, error, code}` on errors). */
export interface ExtraRouteResult {
  status: number;
  body: unknown;
}

/**
 * A handler of one of those paths. The server has already authenticated the request, parsed the
 * JSON body (within the body size limit) and refused non-admin sessions, so `isAdmin` is true
 * today; it stays a parameter so the handler's own checks keep working if that ever changes.
 * A thrown EngineError is answered as `{path, error, code}` with its status; anything else as 500.
 */
export type ExtraRouteHandler = (engine: Engine, path: string, body: unknown, isAdmin: boolean) => Promise<ExtraRouteResult>;

/** Handlers by path, e.g. `{'/v1/metadata': handleMetadataApi, '/v2/query': handleMetadataApi}`. */
export type ExtraRoutes = Partial<Record<ExtraRoutePath, ExtraRouteHandler>>;

/** The same handler on every extra path. */
export function allExtraRoutes(handler: ExtraRouteHandler): ExtraRoutes {
  return Object.fromEntries(EXTRA_ROUTE_PATHS.map((path) => [path, handler]));
}

export function extraRouteFor(routes: ExtraRoutes, path: string): ExtraRouteHandler | undefined {
  return (EXTRA_ROUTE_PATHS as readonly string[]).includes(path) ? routes[path as ExtraRoutePath] : undefined;
}
