/**
 * The dev engine's public surface, for `npm start` and tools: configuration from the
 * `HASURA_GRAPHQL_*` environment, the HTTP server, and event and cron trigger processing.
 */
export { readEngineConfig, type EngineConfig } from './config/index.ts';
export type { Engine } from './engine/index.ts';
export { startEventProcessing, type EventProcessing } from './events/index.ts';
export { createEngineLogger, startEngineServer, type EngineServer } from './http/index.ts';
