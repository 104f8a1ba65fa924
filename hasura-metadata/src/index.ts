/**
 * Hasura v2 metadata as the Hasura CLI keeps it on disk (config v3, format version 3): a reader that
 * resolves `!include`s and assembles actions like `hasura metadata apply`, and a validator against
 * Hasura's own schema that refuses keys the schema does not name.
 */
export { readMetadataDirectory, type MetadataDocument } from './read-metadata.ts';
export {
  checkMetadataDirectory,
  InvalidMetadataError,
  loadMetadata,
  validateMetadataDocument,
  type MetadataValidation,
} from './validate-metadata.ts';
export { formatViolation, MetadataLoadError, type SourceLocation, type Violation } from './problems.ts';
export { formatJsonPath, type JsonPath } from './json-path.ts';
export { SourceMap } from './source-map.ts';
export { loadMetadataSchema, METADATA_SCHEMA_FILE, type MetadataSchema } from './openapi-schema.ts';
export * from './metadata-types.ts';
export * from './table-types.ts';
export * from './action-types.ts';
export * from './eventing-types.ts';
export { watchMetadataDirectory } from './watch-metadata.ts';
