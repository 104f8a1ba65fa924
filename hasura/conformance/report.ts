import type { FolderResult } from './folder-run.ts';
import type { ConformanceReport } from './runner.ts';

/**
 * The lines for one folder: setup/teardown notes, then one line per failed and skipped test file
 * (with `verbose`, each failure is followed by the actual response of its failing step).
 */
export function folderLines(folder: FolderResult, verbose = false): string[] {
  const failed = folder.files.filter((file) => file.status === 'failed');
  return [
    ...folder.notes.map((note) => `NOTE ${note}`),
    ...failed.flatMap((file) => [`FAIL ${file.name}: ${file.reason}`, ...(verbose && file.actual !== undefined ? [`     actual: ${JSON.stringify(file.actual)}`] : [])]),
    ...folder.files.filter((file) => file.status === 'skipped').map((file) => `SKIP ${file.name}: ${file.reason}`),
  ];
}

export const TRANSPORT_NOTE =
  'NOTE every file ran over HTTP only: the websocket and subscription transport runs of Hasura\'s driver are out of scope';

/** Exactly `N passed, M failed, K skipped`. */
export function summaryLine(report: Pick<ConformanceReport, 'passed' | 'failed' | 'skipped'>): string {
  return `${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`;
}

export function reportLines(report: ConformanceReport): string[] {
  return [...report.folders.flatMap((folder) => folderLines(folder)), TRANSPORT_NOTE, summaryLine(report)];
}
