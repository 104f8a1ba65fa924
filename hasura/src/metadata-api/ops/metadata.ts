import { SourceMap, formatViolation, isPostgresSource, loadMetadataSchema, validateMetadataDocument, type HasuraMetadata, type MetadataSchema } from '@portal/hasura-metadata';
import { EngineError } from '../../errors/index.ts';
import { removeObjects } from '../doc/dependents.ts';
import { inconsistentObject, type MetadataChange } from '../doc/metadata-change.ts';
import { resourceVersion } from '../doc/resource-version.ts';
import { SUCCESS, type Operation } from '../operation.ts';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const exportMetadata: Operation = async (_args, { change, version }) => {
  const metadata = structuredClone(change.doc);
  return version === 2 ? { resource_version: resourceVersion(change.engine), metadata } : metadata;
};

/** v1 args are the metadata; v2 args are `{allow_inconsistent_metadata?, metadata}`. */
function replaceArgs(args: unknown, path: string): { metadata: Record<string, unknown>; allowInconsistent: boolean } {
  if (!isObject(args)) throw new EngineError('parse-failed', 'expected metadata', path);
  if (isObject(args.metadata) && !('sources' in args)) {
    return { metadata: args.metadata, allowInconsistent: args.allow_inconsistent_metadata === true };
  }
  return { metadata: args, allowInconsistent: false };
}

/** Hasura's own schema of metadata, compiled once (it takes a moment). */
let schema: MetadataSchema | undefined;

function validated(metadata: Record<string, unknown>, path: string): HasuraMetadata {
  if (metadata.version !== 3) throw new EngineError('not-supported', `metadata version ${String(metadata.version)} is not supported; export it as version 3`, path);
  schema ??= loadMetadataSchema();
  const result = validateMetadataDocument({ directory: '(replace_metadata)', json: metadata, sourceMap: new SourceMap() }, schema);
  if (!result.ok) throw new EngineError('parse-failed', result.violations.map(formatViolation).join('; '), path);
  return structuredClone(result.metadata);
}

export const replaceMetadata: Operation = async (args, { change, path }) => {
  const { metadata, allowInconsistent } = replaceArgs(args, `${path}.args`);
  change.replace(validated(metadata, `${path}.args`));
  const problems = await change.inconsistencies();
  if (problems.length === 0) return SUCCESS;
  const objects = problems.map(inconsistentObject);
  if (!allowInconsistent) throw new EngineError('unexpected', 'cannot continue due to inconsistent metadata', `${path}.args`, 400, { internal: objects });
  return { is_consistent: false, inconsistent_objects: objects };
};

/** Keeps the `default` source (its connection) with nothing tracked, as Hasura does. */
export const clearMetadata: Operation = async (_args, { change }) => {
  const source = change.doc.sources.find((candidate) => candidate.name === 'default' && isPostgresSource(candidate));
  const sources = source ? [{ name: source.name, kind: source.kind, tables: [], configuration: source.configuration }] : [];
  change.replace({ version: 3, sources } as HasuraMetadata);
  return SUCCESS;
};

async function consistency(change: MetadataChange): Promise<Record<string, unknown>> {
  const problems = await change.inconsistencies();
  return problems.length === 0 ? { is_consistent: true } : { is_consistent: false, inconsistent_objects: problems.map(inconsistentObject) };
}

export const reloadMetadata: Operation = async (_args, { change }) => {
  change.catalogChanged();
  return { ...(await consistency(change)), message: 'success' };
};

export const getInconsistentMetadata: Operation = async (_args, { change }) => {
  const problems = change.engine.current.model.inconsistencies;
  return { is_consistent: problems.length === 0, inconsistent_objects: problems.map(inconsistentObject) };
};

export const dropInconsistentMetadata: Operation = async (_args, { change }) => {
  const problems = await change.inconsistencies();
  if (problems.length > 0 && removeObjects(change.doc, problems)) change.markChanged();
  return SUCCESS;
};
