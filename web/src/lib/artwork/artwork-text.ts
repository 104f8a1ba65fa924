import { describeFileSize, type ArtworkFileStatus, type ArtworkPreflightResult } from '@portal/common';
import { messageFor, type Message } from '../i18n/message-lookup.ts';
import { m } from '../paraglide/messages.js';

const STATUS_LABELS: Record<ArtworkFileStatus, Message> = {
  PENDING_UPLOAD: m.artwork_status_pending_upload,
  UPLOADED: m.artwork_status_uploaded,
  SCANNING: m.artwork_status_scanning,
  CLEAN: m.artwork_status_clean,
  INFECTED: m.artwork_status_infected,
  REJECTED: m.artwork_status_rejected,
  UNSCANNED: m.artwork_status_unscanned,
};

const PREFLIGHT_LABELS: Record<ArtworkPreflightResult, Message> = {
  PASS: m.artwork_preflight_pass,
  WARNING: m.artwork_preflight_warning,
  FAIL: m.artwork_preflight_fail,
};

const FINDING_LABELS: Record<ArtworkPreflightResult, Message> = {
  PASS: m.artwork_finding_pass,
  WARNING: m.artwork_finding_warning,
  FAIL: m.artwork_finding_fail,
};

/** Looks a code up in a map of messages; an unknown code shows as itself. */
function label(labels: Record<string, Message>, code: string): string {
  return messageFor(labels, code) ?? code;
}

/** A file's status in words (an artwork file or a staff proof file). */
export const artworkStatusLabel = (status: string): string => label(STATUS_LABELS, status);

/** The badge of a file's preflight result as a whole. */
export const preflightLabel = (result: string): string => label(PREFLIGHT_LABELS, result);

/** The result of one preflight check. */
export const findingLabel = (result: string): string => label(FINDING_LABELS, result);

/** A file's size, e.g. "2.4 MB"; below a kilobyte in words of the page's language. */
export function artworkFileSize(bytes: number): string {
  return Number.isFinite(bytes) && bytes >= 0 && bytes < 1024 ? m.artwork_size_bytes({ size: String(bytes) }) : describeFileSize(bytes);
}

/** Statuses that change on their own (the panel keeps polling while a file has one). */
export const MOVING_STATUSES = new Set(['UPLOADED', 'SCANNING']);

export const STATUS_TONES: Record<string, string> = {
  PENDING_UPLOAD: 'neutral', UPLOADED: 'progress', SCANNING: 'progress', CLEAN: 'success', INFECTED: 'danger', REJECTED: 'danger', UNSCANNED: 'warning',
};
