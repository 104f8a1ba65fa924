import type { HasuraMetadata, PostgresSourceMetadata, TableMetadata } from '@portal/hasura-metadata';

/**
 * Metadata features the development engine does not implement. Each stops the engine with a
 * message naming where it was found, so nothing Hasura would do is silently skipped.
 */
export class UnsupportedFeatureError extends Error {
  constructor(feature: string, where: string) {
    super(`unsupported: ${feature} (in ${where}); see hasura/COMPAT.md`);
    this.name = 'UnsupportedFeatureError';
  }
}

function nonEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

const TOP_LEVEL: Array<[keyof HasuraMetadata, string, string]> = [
  ['remote_schemas', 'remote schemas', 'remote_schemas.yaml'],
  ['inherited_roles', 'inherited roles', 'inherited_roles.yaml'],
  ['rest_endpoints', 'REST endpoints', 'rest_endpoints.yaml'],
  ['query_collections', 'query collections', 'query_collections.yaml'],
  ['allowlist', 'the allow-list', 'allow_list.yaml'],
];

/**
 * Rate and time limits are enforced by Hasura Cloud and Enterprise only (the open-source engine
 * stores every API limit and enforces none); the dev engine enforces depth, node and batch limits
 * and refuses these two rather than pretend. With `disabled: true` Hasura applies none, so neither
 * does this engine, and they may stay.
 */
function checkApiLimitsSupport(limits: HasuraMetadata['api_limits']): void {
  if (!limits || limits.disabled === true) return;
  if (nonEmpty(limits.rate_limit)) throw new UnsupportedFeatureError('API rate limits (api_limits.rate_limit, Hasura Cloud/EE only: rate-limit in the proxy)', 'api_limits.yaml');
  if (nonEmpty(limits.time_limit)) throw new UnsupportedFeatureError('API time limits (api_limits.time_limit, Hasura Cloud/EE only: time out in the proxy)', 'api_limits.yaml');
}

export function checkTopLevelSupport(metadata: HasuraMetadata): void {
  for (const [key, feature, file] of TOP_LEVEL) {
    if (nonEmpty(metadata[key])) throw new UnsupportedFeatureError(feature, file);
  }
  checkApiLimitsSupport(metadata.api_limits);
  if (metadata.sources.length > 1) throw new UnsupportedFeatureError('more than one database source', 'databases/databases.yaml');
}

export function checkSourceSupport(source: PostgresSourceMetadata): void {
  const where = `databases/databases.yaml source "${source.name}"`;
  if (nonEmpty(source.functions)) throw new UnsupportedFeatureError('tracked SQL functions', where);
  if (nonEmpty(source.native_queries) || nonEmpty(source.logical_models)) throw new UnsupportedFeatureError('native queries and logical models', where);
  const customization = source.customization;
  if (customization?.naming_convention === 'graphql-default') throw new UnsupportedFeatureError('the graphql-default naming convention', where);
  if (nonEmpty(customization?.root_fields) || nonEmpty(customization?.type_names)) {
    throw new UnsupportedFeatureError('source root field and type name customization', where);
  }
}

export function checkTableSupport(table: TableMetadata, where: string): void {
  if (nonEmpty(table.computed_fields)) throw new UnsupportedFeatureError('computed fields', where);
  if (nonEmpty(table.remote_relationships)) throw new UnsupportedFeatureError('remote relationships', where);
  if (nonEmpty(table.apollo_federation_config)) throw new UnsupportedFeatureError('Apollo federation', where);
  for (const entry of table.select_permissions ?? []) {
    if (nonEmpty(entry.permission.computed_fields)) throw new UnsupportedFeatureError('computed fields in permissions', where);
  }
}
