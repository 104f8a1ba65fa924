/**
 * The engine's HTTP server (`node:http`): `POST /v1/graphql` (single and batched), `GET /healthz`,
 * `GET /v1/version`, CORS like Hasura's default, body size and query depth limits, request logs,
 * and a mount point for the metadata and query APIs.
 */
export { startEngineServer, type EngineServer, type EngineServerOptions } from './engine-server.ts';
export {
  allExtraRoutes,
  EXTRA_ROUTE_PATHS,
  type ExtraRouteHandler,
  type ExtraRoutePath,
  type ExtraRouteResult,
  type ExtraRoutes,
} from './extra-routes.ts';
export { createEngineLogger, REDACTED_PATHS } from './logger.ts';
export { ENGINE_VERSION } from './health.ts';
