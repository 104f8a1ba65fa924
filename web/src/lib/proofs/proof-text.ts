import { PROOF_EVENT_KINDS, PROOF_STATUSES, type ProofEventKind, type ProofStatus } from '@portal/common';
import type { Message } from '../i18n/message-lookup.ts';
import { m } from '../paraglide/messages.js';

/** Customer-facing words for a proof's status (the badge always says it in words, not only colour). */
const PROOF_STATUS_LABELS: Record<ProofStatus, Message> = {
  PENDING_REVIEW: m.proof_status_pending_review,
  APPROVED: m.proof_status_approved,
  APPROVED_WITH_CHANGES: m.proof_status_approved_with_changes,
  REVISION_REQUESTED: m.proof_status_revision_requested,
};

export const PROOF_STATUS_TONES: Record<ProofStatus, 'info' | 'progress' | 'success' | 'warning' | 'neutral'> = {
  PENDING_REVIEW: 'warning',
  APPROVED: 'success',
  APPROVED_WITH_CHANGES: 'success',
  REVISION_REQUESTED: 'progress',
};

export function isProofStatus(value: string): value is ProofStatus {
  return (PROOF_STATUSES as readonly string[]).includes(value);
}

/** The status's name in the page's language; an unknown value as it is. */
export function proofStatusLabel(value: string): string {
  return isProofStatus(value) ? PROOF_STATUS_LABELS[value]() : value;
}

/** One line of a proof's history, as a sentence fragment after the person's name. */
const PROOF_EVENT_LABELS: Record<ProofEventKind, Message> = {
  PUBLISHED: m.proofs_event_published,
  VIEWED: m.proofs_event_viewed,
  COMMENTED: m.proofs_event_commented,
  COMMENT_RESOLVED: m.proofs_event_comment_resolved,
  COMMENT_REOPENED: m.proofs_event_comment_reopened,
  APPROVED: m.proofs_event_approved,
  APPROVED_WITH_CHANGES: m.proofs_event_approved_with_changes,
  REVISION_REQUESTED: m.proofs_event_revision_requested,
  WITHDRAWN: m.proofs_event_withdrawn,
  SUPERSEDED: m.proofs_event_superseded,
  LOCKED: m.proofs_event_locked,
};

function isEventKind(kind: string): kind is ProofEventKind {
  return (PROOF_EVENT_KINDS as readonly string[]).includes(kind);
}

/** What a history step says after the person's name; an unknown kind shows as its code. */
export function proofEventLabel(kind: string): string {
  return isEventKind(kind) ? PROOF_EVENT_LABELS[kind]() : kind;
}

/** "Page 2 of 3", or "Page 2" when the count is unknown. */
export function proofPageLabel(page: number, of: number | null): string {
  return of ? m.proofs_page_of({ page, count: of }) : m.proofs_page({ page });
}

/** The accessible name of one page of one version, e.g. "Version 2, Page 1 of 3". */
export function proofVersionPageLabel(version: number, page: number, of: number | null): string {
  return m.proofs_version_page_label({ version: m.proofs_version({ version }), page: proofPageLabel(page, of) });
}
