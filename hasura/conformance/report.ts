import type { FolderResult } from './folder-run.ts';
import type { ConformanceReport } from './runner.ts';
import type { FileResult } from './test-file.ts';

const label = (file: FileResult) => (file.transport === 'websocket' ? `${file.name} [websocket]` : file.name);

/**
 * The lines for one folder: setup/teardown notes, then one line per failed and skipped test file
 * (with `verbose`, each failure is followed by the actual response of its failing step).
 */
export function folderLines(folder: FolderResult, verbose = false): string[] {
  const failed = folder.files.filter((file) => file.status === 'failed');
  return [
    ...folder.notes.map((note) => `NOTE ${note}`),
    ...failed.flatMap((file) => [`FAIL ${label(file)}: ${file.reason}`, ...(verbose && file.actual !== undefined ? [`     actual: ${JSON.stringify(file.actual)}`] : [])]),
    ...folder.files.filter((file) => file.status === 'skipped').map((file) => `SKIP ${label(file)}: ${file.reason}`),
  ];
}

/** What the run does not do of the driver's transports. */
export const TRANSPORT_NOTE =
  'NOTE the driver\'s third run ("subscription": a query rewritten as a subscription with @_multiple_top_level_fields) is not performed';

/** `<transport>: N passed, M failed, K skipped`, one line per transport that ran. */
export function transportLines(report: Pick<ConformanceReport, 'folders'>): string[] {
  const files = report.folders.flatMap((folder) => folder.files);
  return (['http', 'websocket'] as const).flatMap((transport) => {
    const mine = files.filter((file) => (file.transport ?? 'http') === transport);
    if (mine.length === 0) return [];
    const n = (status: FileResult['status']) => mine.filter((file) => file.status === status).length;
    return [`${transport}: ${summaryLine({ passed: n('passed'), failed: n('failed'), skipped: n('skipped') })}`];
  });
}

/** Exactly `N passed, M failed, K skipped`. */
export function summaryLine(report: Pick<ConformanceReport, 'passed' | 'failed' | 'skipped'>): string {
  return `${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`;
}

export function reportLines(report: ConformanceReport): string[] {
  return [...report.folders.flatMap((folder) => folderLines(folder)), TRANSPORT_NOTE, ...transportLines(report), summaryLine(report)];
}
