import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from 'yaml';
import { isPlainObject } from './json-path.ts';
import { loadYamlFile, yamlToJson, type ConvertContext } from './yaml-to-json.ts';

/** The metadata keys kept in one YAML file each, in the order `export_metadata` lists them. */
export const TOP_LEVEL_FILES = [
  { key: 'remote_schemas', file: 'remote_schemas.yaml' },
  { key: 'query_collections', file: 'query_collections.yaml' },
  { key: 'allowlist', file: 'allow_list.yaml' },
  { key: 'cron_triggers', file: 'cron_triggers.yaml' },
  { key: 'network', file: 'network.yaml' },
  { key: 'api_limits', file: 'api_limits.yaml' },
  { key: 'metrics_config', file: 'metrics_config.yaml' },
  { key: 'inherited_roles', file: 'inherited_roles.yaml' },
  { key: 'graphql_schema_introspection', file: 'graphql_schema_introspection.yaml' },
  { key: 'rest_endpoints', file: 'rest_endpoints.yaml' },
  { key: 'opentelemetry', file: 'opentelemetry.yaml' },
  { key: 'backend_configs', file: 'backend_configs.yaml' },
] as const;

export type TopLevelKey = (typeof TOP_LEVEL_FILES)[number]['key'];

/**
 * True for the values `export_metadata` leaves out: empty lists and objects, and an introspection
 * setting that disables it for no role (the CLI writes `disabled_for_roles: []` for that).
 */
export function isEmptyMetadataValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (!isPlainObject(value)) return false;
  const entries = Object.entries(value);
  return entries.every(([key, inner]) => key === 'disabled_for_roles' && Array.isArray(inner) && inner.length === 0);
}

/** Reads one top-level file; absent, empty and default-valued files contribute nothing. */
export function readTopLevelFile(context: ConvertContext, key: TopLevelKey, file: string): unknown {
  if (!existsSync(join(context.metadataDir, file))) return undefined;
  const yamlFile = loadYamlFile(context, file);
  context.sourceMap.mount([key], file, []);
  const value = yamlToJson(context, yamlFile, yamlFile.document.contents as Node | null, [key], [], null);
  return isEmptyMetadataValue(value) ? undefined : value;
}

/** `version.yaml` holds `version: 3`; the metadata object carries the number itself. */
export function readVersion(context: ConvertContext): unknown {
  if (!existsSync(join(context.metadataDir, 'version.yaml'))) return undefined;
  const yamlFile = loadYamlFile(context, 'version.yaml');
  context.sourceMap.mount(['version'], 'version.yaml', ['version']);
  const value = yamlToJson(context, yamlFile, yamlFile.document.contents as Node | null, ['version'], [], null);
  return isPlainObject(value) ? value.version : value;
}
