import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { REPOSITORY_ROOT, type Workspace } from './source-files.ts';

/** Static imports, re-exports, side-effect imports and dynamic imports with a literal specifier. */
const IMPORT_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

export interface ImportEdge {
  /** The importing file, from the root. */
  from: string;
  specifier: string;
  /** The imported file from the root, when it is one of the repository's (relative or `@portal/…`). */
  to: string | null;
}

/** The specifiers a source file imports. */
export function importSpecifiers(text: string): string[] {
  return [...text.matchAll(IMPORT_SPECIFIER)].map((match) => match[1]!);
}

/** The first path segment that is a workspace folder, or null for files at the root. */
export function workspaceOf(path: string, workspaces: readonly Workspace[]): Workspace | null {
  const top = path.split('/')[0];
  return workspaces.find((workspace) => workspace.folder === top) ?? null;
}

function resolvePackageImport(specifier: string, workspaces: readonly Workspace[]): string | null {
  const workspace = workspaces.find((candidate) => specifier === candidate.name || specifier.startsWith(`${candidate.name}/`));
  if (!workspace) return null;
  return workspace.exports[`.${specifier.slice(workspace.name.length)}`] ?? null;
}

/** Every import of the given files, resolved to repository files where it names one. */
export function importEdges(files: readonly string[], workspaces: readonly Workspace[], root = REPOSITORY_ROOT): ImportEdge[] {
  return files.flatMap((from) =>
    importSpecifiers(readFileSync(posix.join(root, from), 'utf8')).map((specifier) => ({
      from,
      specifier,
      to: specifier.startsWith('.')
        ? posix.normalize(posix.join(posix.dirname(from), specifier))
        : resolvePackageImport(specifier, workspaces),
    })),
  );
}
