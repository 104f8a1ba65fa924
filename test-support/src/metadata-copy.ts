import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

/** The project's metadata directory. */
export const PROJECT_METADATA = fileURLToPath(new URL('../../metadata', import.meta.url));

const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A scratch directory removed after the test file. */
export function scratchDirectory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'portal-metadata-'));
  created.push(dir);
  return dir;
}

/** A throw-away copy of the project's metadata that a test may break. */
export function copyProjectMetadata(): string {
  const dir = join(scratchDirectory(), 'metadata');
  cpSync(PROJECT_METADATA, dir, { recursive: true });
  return dir;
}

/** Rewrites one file of a metadata copy; fails the test when the edit changed nothing. */
export function editFile(dir: string, file: string, edit: (text: string) => string): void {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`editing ${file} changed nothing`);
  writeFileSync(path, after);
}

/** Writes files (path relative to `dir` → content) of a hand-made metadata directory. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
}

/** The smallest metadata directory the reader accepts, to build test cases on. */
export const MINIMAL_METADATA: Record<string, string> = {
  'version.yaml': 'version: 3\n',
  'databases/databases.yaml': [
    '- name: default',
    '  kind: postgres',
    '  configuration:',
    '    connection_info:',
    '      database_url:',
    '        from_env: PG_DATABASE_URL',
    '  tables: "!include default/tables/tables.yaml"',
    '',
  ].join('\n'),
  'databases/default/tables/tables.yaml': '[]\n',
};
