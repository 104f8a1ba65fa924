import { describeFileSize } from '@portal/common';

/**
 * Every word the artwork panel shows, in one place so a translation can replace it whole. English
 * only for now, like the rest of the portal.
 */
export const ARTWORK_TEXT = {
  heading: 'Artwork',
  dropHint: 'Drag print files here, or',
  choose: 'choose files',
  accepted: 'PDF, AI, EPS, PSD, TIFF, PNG or JPEG.',
  noFiles: 'No files yet.',
  cancel: 'Cancel',
  download: 'Download',
  showReport: 'Preflight report',
  hideReport: 'Hide report',
  uploading: (percent: number) => `Uploading… ${percent}%`,
  checking: 'Checking the file…',
  cancelled: 'Upload cancelled.',
  uploadFailed: 'The upload did not reach storage. Try again.',
  networkFailed: 'We could not reach the portal. Try again.',
  noPreview: 'No preview',
  size: describeFileSize,
  unscannedNote: 'This file was not virus-scanned (no scanner is running). It is stored, but not marked clean.',
  statuses: {
    PENDING_UPLOAD: 'Waiting for the upload',
    UPLOADED: 'Checking',
    SCANNING: 'Scanning for viruses',
    CLEAN: 'Clean',
    INFECTED: 'Virus found: not usable',
    REJECTED: 'Refused',
    UNSCANNED: 'Not scanned',
  } as Record<string, string>,
  preflight: { PASS: 'Preflight passed', WARNING: 'Preflight warnings', FAIL: 'Preflight problems' } as Record<string, string>,
  findingResults: { PASS: 'Pass', WARNING: 'Warning', FAIL: 'Problem' } as Record<string, string>,
} as const;

/** Statuses that change on their own (the panel keeps polling while a file has one). */
export const MOVING_STATUSES = new Set(['UPLOADED', 'SCANNING']);

export const STATUS_TONES: Record<string, string> = {
  PENDING_UPLOAD: 'neutral', UPLOADED: 'progress', SCANNING: 'progress', CLEAN: 'success', INFECTED: 'danger', REJECTED: 'danger', UNSCANNED: 'warning',
};
