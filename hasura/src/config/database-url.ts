import { isPostgresSource, type HasuraMetadata } from '@portal/hasura-metadata';
import { EngineConfigError, type EngineConfig } from './engine-config.ts';

export interface SourceConnection {
  url: string;
  /** `pool_settings.max_connections` of the source (Hasura's default 50). */
  maxConnections: number;
}

/**
 * The database of the metadata's Postgres source: its `database_url` (a literal, or `from_env`
 * resolved in the engine's environment), else `HASURA_GRAPHQL_DATABASE_URL`. Real Hasura keeps its
 * own catalogue in HASURA_GRAPHQL_DATABASE_URL too; this engine has one database, so it is the
 * fallback for a source whose variable is unset.
 */
export function sourceConnection(metadata: HasuraMetadata, config: EngineConfig): SourceConnection {
  const source = metadata.sources.find(isPostgresSource);
  const info = source?.configuration.connection_info;
  const declared = info?.database_url;
  let url: string | undefined;
  let variable = 'HASURA_GRAPHQL_DATABASE_URL';
  if (typeof declared === 'string') url = declared;
  else if (declared && 'from_env' in declared) {
    variable = `${declared.from_env} (the source's database_url.from_env) or HASURA_GRAPHQL_DATABASE_URL`;
    url = config.fromEnv(declared.from_env) || undefined;
  } else if (declared && 'connection_parameters' in declared) {
    throw new EngineConfigError('unsupported: database_url.connection_parameters is not supported by the development engine; use from_env');
  }
  url ??= config.databaseUrl;
  if (!url) throw new EngineConfigError(`no database to serve: set ${variable}`);
  return { url, maxConnections: info?.pool_settings?.max_connections ?? 50 };
}
