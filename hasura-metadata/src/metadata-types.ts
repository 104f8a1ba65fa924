import type { AllowlistEntry, ActionMetadata, CronTrigger, CustomTypes, InheritedRole, QueryCollection } from './action-types.ts';
import type { TableMetadata } from './table-types.ts';

/**
 * TypeScript view of Hasura v2 metadata (format version 3) as `export_metadata` returns it, for
 * the parts this project reads. Values of this type have passed the validator against Hasura's own
 * schema; fields the portal does not use are typed loosely, never dropped.
 */
export interface HasuraMetadata {
  version: 3;
  sources: SourceMetadata[];
  remote_schemas?: unknown[];
  query_collections?: QueryCollection[];
  allowlist?: AllowlistEntry[];
  actions?: ActionMetadata[];
  custom_types?: CustomTypes;
  cron_triggers?: CronTrigger[];
  network?: Record<string, unknown>;
  api_limits?: Record<string, unknown>;
  metrics_config?: Record<string, unknown>;
  inherited_roles?: InheritedRole[];
  graphql_schema_introspection?: unknown;
  rest_endpoints?: unknown[];
  opentelemetry?: Record<string, unknown>;
  backend_configs?: Record<string, unknown>;
}

export type SourceMetadata = PostgresSourceMetadata | OtherSourceMetadata;

export interface PostgresSourceMetadata {
  name: string;
  kind: 'postgres' | 'pg';
  configuration: PostgresConfiguration;
  tables: TableMetadata[];
  functions?: FunctionMetadata[] | null;
  customization?: SourceCustomization;
  query_tags?: Record<string, unknown> | null;
  health_check?: Record<string, unknown> | null;
  logical_models?: unknown[] | null;
  native_queries?: unknown[] | null;
  stored_procedures?: unknown[] | null;
}

/** A source of another backend (Citus, MS SQL, BigQuery, …): valid metadata the portal does not serve. */
export interface OtherSourceMetadata {
  name: string;
  kind: string;
  configuration: unknown;
  tables: unknown[];
  [key: string]: unknown;
}

export function isPostgresSource(source: SourceMetadata): source is PostgresSourceMetadata {
  return source.kind === 'postgres' || source.kind === 'pg';
}

export type DatabaseUrl = string | { from_env: string } | { connection_parameters: Record<string, unknown> };

export interface PostgresConfiguration {
  connection_info: {
    database_url: DatabaseUrl;
    isolation_level?: 'read-committed' | 'repeatable-read' | 'serializable';
    pool_settings?: {
      max_connections?: number | null;
      total_max_connections?: number | null;
      idle_timeout?: number | null;
      retries?: number | null;
      pool_timeout?: number | null;
      connection_lifetime?: number | null;
    } | null;
    use_prepared_statements?: boolean;
    ssl_configuration?: Record<string, unknown>;
  };
  read_replicas?: unknown[] | null;
  extensions_schema?: string;
  connection_template?: unknown;
  connection_set?: unknown;
}

export interface SourceCustomization {
  root_fields?: { namespace?: string; prefix?: string; suffix?: string };
  type_names?: { prefix?: string; suffix?: string };
  naming_convention?: 'hasura-default' | 'graphql-default';
}

export interface FunctionMetadata {
  function: { name: string; schema?: string } | string;
  configuration?: Record<string, unknown>;
  permissions?: { role: string }[];
}
