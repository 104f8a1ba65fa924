import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { findFixtureFolders, type FixtureFolder } from './fixture-files.ts';
import { runFolder, type FolderResult } from './folder-run.ts';
import { fileLabel, type FileResult } from './test-file.ts';
import type { Transport } from './driver.ts';

export interface ConformanceOptions {
  /** Maintenance database URL of a PostgreSQL server where fresh databases may be created. */
  adminUrl: string;
  /** Called after each folder (for progress output). */
  onFolder?: (result: FolderResult) => void;
  /** The driver's transports to run; HTTP only unless told (the websocket run doubles the time). */
  transports?: readonly Transport[];
}

export interface ConformanceReport {
  root: string;
  folders: FolderResult[];
  passed: number;
  failed: number;
  skipped: number;
}

export function count(files: FileResult[]): Pick<ConformanceReport, 'passed' | 'failed' | 'skipped'> {
  return {
    passed: files.filter((f) => f.status === 'passed').length,
    failed: files.filter((f) => f.status === 'failed').length,
    skipped: files.filter((f) => f.status === 'skipped').length,
  };
}

/** A folder whose database or server could not be set up at all: each of its tests failed. */
function couldNotRun(folder: FixtureFolder, error: unknown): FolderResult {
  const reason = `the folder could not run: ${error instanceof Error ? error.message : String(error)}`;
  return { folder: folder.name, files: folder.tests.map((file) => ({ name: fileLabel(folder.name, file), status: 'failed', reason })), notes: [] };
}

/**
 * Runs every fixture folder below `root` (Hasura's `server/tests-py/queries` layout), each on a
 * fresh database with a fresh engine, one after the other.
 */
export async function runConformance(root: string, options: ConformanceOptions): Promise<ConformanceReport> {
  const dir = resolve(root);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`no fixture directory at ${dir}`);
  const folders: FolderResult[] = [];
  for (const folder of findFixtureFolders(dir)) {
    const result = await runFolder(options.adminUrl, folder, options.transports).catch((error: unknown) => couldNotRun(folder, error));
    folders.push(result);
    options.onFolder?.(result);
  }
  return { root: dir, folders, ...count(folders.flatMap((folder) => folder.files)) };
}
