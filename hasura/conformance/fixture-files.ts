import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse } from 'yaml';

/**
 * How a folder's setup is applied, decided by its files as the pytest fixtures do: `setup.yaml`
 * once per class (query classes), or `schema_setup.yaml` once plus `values_setup.yaml` around
 * every test (mutation classes).
 */
export type FolderKind = 'query' | 'mutation';

export interface FixtureFolder {
  dir: string;
  /** Path from the parent of the root given to the runner (so it starts with the root's name), with `/`. */
  name: string;
  kind: FolderKind;
  /** Test files (absolute), sorted. */
  tests: string[];
}

const SETUP_FILE = /^(pre_setup|post_teardown|setup|teardown|schema_setup|schema_teardown|values_setup|values_teardown)(_[a-z0-9]+)?\.ya?ml$/;
const YAML_FILE = /\.ya?ml$/;

/** A test file written for another backend (`*_mssql.yaml`, …): the runner only speaks Postgres. */
export const OTHER_BACKEND = /_(mssql|citus|bigquery|cockroach|mysql|sqlite|snowflake|athena|dataconnector)\.ya?ml$/;

/** Reads a fixture as the driver's YAML loader would (anchors and merge keys resolved). */
export function readYaml(file: string): unknown {
  return parse(readFileSync(file, 'utf8'), { merge: true, maxAliasCount: -1 });
}

function folderOf(dir: string, root: string): FixtureFolder | null {
  const files = readdirSync(dir).filter((file) => statSync(join(dir, file)).isFile());
  const kind: FolderKind | null = files.includes('setup.yaml') ? 'query' : files.includes('schema_setup.yaml') ? 'mutation' : null;
  if (!kind) return null;
  const tests = files.filter((file) => YAML_FILE.test(file) && !SETUP_FILE.test(file)).sort().map((file) => join(dir, file));
  return { dir, name: relative(dirname(root), dir).split('\\').join('/'), kind, tests };
}

/** Every fixture folder at or below `root` (a folder holding `setup.yaml` or `schema_setup.yaml`). */
export function findFixtureFolders(root: string): FixtureFolder[] {
  const found: FixtureFolder[] = [];
  const visit = (dir: string) => {
    const folder = folderOf(dir, root);
    if (folder) found.push(folder);
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) visit(path);
    }
  };
  visit(root);
  return found;
}
