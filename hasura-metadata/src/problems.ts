import { formatJsonPath, type JsonPath } from './json-path.ts';

/** Where a metadata node came from: a file relative to the metadata directory and a path in it. */
export interface SourceLocation {
  /** Relative to the metadata directory, with `/` separators (`databases/databases.yaml`). */
  file: string;
  /** Path inside that file; for `actions.graphql` it starts with the type and field name. */
  path: JsonPath;
  /** 1-based line of the node in the file, when known. */
  line?: number;
}

/** One thing wrong with the metadata, named by file and path so it can be fixed. */
export interface Violation extends SourceLocation {
  message: string;
}

export function formatLocation(location: SourceLocation): string {
  const line = location.line === undefined ? '' : `:${location.line}`;
  return `${location.file}${line} ${formatJsonPath(location.path)}`;
}

export function formatViolation(violation: Violation): string {
  return `${formatLocation(violation)}: ${violation.message}`;
}

/**
 * The metadata could not be read at all (a file is missing or is not valid YAML or GraphQL, an
 * `!include` points nowhere, actions.yaml names an action actions.graphql lacks, …).
 */
export class MetadataLoadError extends Error {
  readonly location: SourceLocation;

  constructor(location: SourceLocation, message: string, options?: { cause?: unknown }) {
    super(`${formatLocation(location)}: ${message}`, options);
    this.name = 'MetadataLoadError';
    this.location = location;
  }

  toViolation(): Violation {
    const detail = this.message.slice(formatLocation(this.location).length + 2);
    return { ...this.location, message: detail };
  }
}
