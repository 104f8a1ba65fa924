import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { MetadataLoadError } from './problems.ts';
import { readActions } from './read-actions.ts';
import { readSources } from './read-sources.ts';
import { SourceMap } from './source-map.ts';
import { readTopLevelFile, readVersion, TOP_LEVEL_FILES } from './top-level-files.ts';
import type { ConvertContext } from './yaml-to-json.ts';

/** A metadata directory read into one JSON object, not yet validated. */
export interface MetadataDocument {
  /** Absolute path of the metadata directory. */
  directory: string;
  /**
   * The metadata as `export_metadata` returns it: `{version, sources, ...}` with `!include`s
   * resolved, actions assembled from actions.graphql and actions.yaml, and empty parts left out.
   */
  json: Record<string, unknown>;
  /** Which file, and which path in it, each part of `json` came from. */
  sourceMap: SourceMap;
}

/** Key order of `export_metadata`; anything the files add beyond it is kept, after these. */
const EXPORT_ORDER = [
  'version',
  'sources',
  'remote_schemas',
  'query_collections',
  'allowlist',
  'actions',
  'custom_types',
  'cron_triggers',
  'network',
  'api_limits',
  'metrics_config',
  'inherited_roles',
  'graphql_schema_introspection',
  'rest_endpoints',
  'opentelemetry',
  'backend_configs',
];

/**
 * Reads a Hasura metadata directory (CLI config v3, metadata format version 3) the way
 * `hasura metadata apply` builds it. Throws {@link MetadataLoadError} when a file cannot be read
 * or parsed; shape problems are left to the validator.
 */
export function readMetadataDirectory(directory: string): MetadataDocument {
  const metadataDir = resolve(directory);
  if (!existsSync(metadataDir) || !statSync(metadataDir).isDirectory()) {
    throw new MetadataLoadError({ file: '.', path: [] }, `metadata directory not found: ${metadataDir}`);
  }
  const context: ConvertContext = { metadataDir, sourceMap: new SourceMap() };
  const parts: Record<string, unknown> = {
    version: readVersion(context),
    sources: readSources(context),
    ...readActions(context),
  };
  for (const { key, file } of TOP_LEVEL_FILES) parts[key] = readTopLevelFile(context, key, file);
  const json: Record<string, unknown> = {};
  for (const key of EXPORT_ORDER) if (parts[key] !== undefined) json[key] = parts[key];
  return { directory: metadataDir, json, sourceMap: context.sourceMap };
}
