import type { ErrorObject } from 'ajv';
import { formatJsonPath } from './json-path.ts';
import { loadMetadataSchema, METADATA_ROOT, type MetadataSchema } from './openapi-schema.ts';
import { formatViolation, MetadataLoadError, type Violation } from './problems.ts';
import { readMetadataDirectory, type MetadataDocument } from './read-metadata.ts';
import { describeError, instancePath, walkSchema, type SchemaIssue } from './schema-walk.ts';
import type { HasuraMetadata } from './metadata-types.ts';

export type MetadataValidation =
  | { ok: true; metadata: HasuraMetadata; violations: [] }
  | { ok: false; violations: Violation[] };

/**
 * Validates assembled metadata against the `Metadata` component of Hasura's schema, refusing keys
 * the schema does not name. Each violation names the file and the path inside it.
 */
export function validateMetadataDocument(
  document: MetadataDocument,
  schema: MetadataSchema = loadMetadataSchema(),
): MetadataValidation {
  let issues = walkSchema(schema, METADATA_ROOT, document.json, []);
  const validate = schema.validator(METADATA_ROOT);
  if (issues.length === 0 && !validate(document.json) && !onlyAmbiguity(validate.errors ?? [])) {
    // The walk is meant to be at least as strict as Ajv; if it is not, Ajv's own words still count.
    issues = (validate.errors ?? []).map((error) => ({
      path: instancePath(error, document.json),
      message: describeError(error),
    }));
  }
  if (issues.length > 0) return { ok: false, violations: unique(issues).map((issue) => locate(document, issue)) };
  return { ok: true, metadata: document.json as unknown as HasuraMetadata, violations: [] };
}

/**
 * Ajv refuses a value that fits two `oneOf` branches, and with it every enclosing `oneOf`; the
 * walk settles such ties by the branch's pinned keys and checks everything else at least as
 * strictly, so once a tie is among Ajv's errors the rest of them are its echoes.
 */
function onlyAmbiguity(errors: ErrorObject[]): boolean {
  return errors.some(
    (error) => error.keyword === 'oneOf' && Array.isArray((error.params as { passingSchemas?: unknown }).passingSchemas),
  );
}

function locate(document: MetadataDocument, issue: SchemaIssue): Violation {
  return { ...document.sourceMap.locate(issue.path), message: issue.message };
}

function unique(issues: SchemaIssue[]): SchemaIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${formatJsonPath(issue.path)} ${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Reads and validates a metadata directory; a file that cannot be read becomes one violation. */
export function checkMetadataDirectory(directory: string): MetadataValidation {
  try {
    return validateMetadataDocument(readMetadataDirectory(directory));
  } catch (error) {
    if (error instanceof MetadataLoadError) return { ok: false, violations: [error.toViolation()] };
    throw error;
  }
}

/** Thrown by {@link loadMetadata}; `violations` lists every problem found. */
export class InvalidMetadataError extends Error {
  readonly violations: Violation[];

  constructor(directory: string, violations: Violation[]) {
    const lines = violations.map((violation) => `  ${formatViolation(violation)}`);
    super(`invalid Hasura metadata in ${directory}:\n${lines.join('\n')}`);
    this.name = 'InvalidMetadataError';
    this.violations = violations;
  }
}

/** Reads, validates and returns typed metadata, or throws {@link InvalidMetadataError}. */
export function loadMetadata(directory: string): HasuraMetadata {
  const result = checkMetadataDirectory(directory);
  if (!result.ok) throw new InvalidMetadataError(directory, result.violations);
  return result.metadata;
}

