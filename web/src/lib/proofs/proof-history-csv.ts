import { csvDocument } from '../csv.ts';
import { proofEventLabel } from './proof-text.ts';

export interface HistoryEvent {
  kind: string;
  actor_name?: string | null;
  actor_role?: string | null;
  details?: unknown;
  created_at: string;
}

const HEADER = ['time_utc', 'version', 'event', 'what_happened', 'person', 'role', 'note'];

/** The person's words kept with the step: a decision's comment, a withdrawal's reason, the staff note ('' for none). */
export function noteOf(details: unknown): string {
  const fields = (details ?? {}) as Record<string, unknown>;
  for (const key of ['comment', 'reason', 'notes']) {
    const value = fields[key];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return '';
}

/**
 * One proof version's trail as CSV (RFC 4180, CRLF line ends), oldest step first. The column names
 * and codes stay as they are for spreadsheets and scripts; `what_happened` is in the request's language.
 */
export function proofHistoryCsv(version: number, events: readonly HistoryEvent[]): string {
  const rows = events.map((event) => {
    return [
      new Date(event.created_at).toISOString(), String(version), event.kind, proofEventLabel(event.kind),
      event.actor_name ?? '', event.actor_role ?? '', noteOf(event.details),
    ];
  });
  return csvDocument(HEADER, rows);
}
