/**
 * The engine's configuration: the `HASURA_GRAPHQL_*` environment variables of real Hasura plus
 * this engine's own `PORTAL_ENGINE_*` limits, parsed once at start-up. The only module of the
 * engine that interprets the environment.
 */
export { DEFAULT_METADATA_DIR, EngineConfigError, readEngineConfig, type EngineConfig, type SubscriptionSettings } from './engine-config.ts';
export { sourceConnection, type SourceConnection } from './database-url.ts';
export { DEFAULT_LOG_TYPES, HASURA_LOG_LEVELS, LOG_TYPES, type HasuraLogLevel, type LogType } from './log-settings.ts';
