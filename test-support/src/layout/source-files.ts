import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Extensions of files whose imports the layout checks read. */
const SOURCE_FILE = /\.(ts|mts|js|mjs|svelte)$/;

/** The repository's root folder. */
export const REPOSITORY_ROOT = execFileSync('git', ['rev-parse', '--show-toplevel'], {
  cwd: new URL('.', import.meta.url),
  encoding: 'utf8',
}).trim();

/** Source files of the repository (tracked or new, never ignored ones), as `/`-separated paths from the root. */
export function sourceFiles(root = REPOSITORY_ROOT): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  return listed.split('\n').filter((path) => SOURCE_FILE.test(path) && !path.includes('/__generated__/') && !path.endsWith('.d.ts'));
}

export interface Workspace {
  /** Folder from the root, e.g. `dev-db`. */
  folder: string;
  name: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  /** Subpath (`.`, `./api-keys`) → file from the root. */
  exports: Record<string, string>;
}

/** The npm workspaces the root package.json names, read from their package.json files. */
export function readWorkspaces(root = REPOSITORY_ROOT): Workspace[] {
  const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] };
  return rootPackage.workspaces.map((folder) => {
    const manifest = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8')) as {
      name: string;
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
      exports?: Record<string, string>;
    };
    const exports = Object.fromEntries(
      Object.entries(manifest.exports ?? {}).map(([subpath, file]) => [subpath, join(folder, file).replaceAll('\\', '/')]),
    );
    return {
      folder,
      name: manifest.name,
      dependencies: manifest.dependencies ?? {},
      devDependencies: manifest.devDependencies ?? {},
      exports,
    };
  });
}
