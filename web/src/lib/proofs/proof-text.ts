import { PROOF_STATUSES, type ProofEventKind, type ProofStatus } from '@portal/common';

/** Customer-facing words for a proof's status (the badge always says it in words, not only colour). */
export const PROOF_STATUS_LABELS: Record<ProofStatus, string> = {
  PENDING_REVIEW: 'Awaiting review',
  APPROVED: 'Approved',
  APPROVED_WITH_CHANGES: 'Approved with changes',
  REVISION_REQUESTED: 'Revision requested',
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

/** One line of a proof's history, as a sentence fragment after the person's name. */
export const PROOF_EVENT_LABELS: Record<ProofEventKind, string> = {
  PUBLISHED: 'published this version',
  VIEWED: 'opened this version for the first time',
  COMMENTED: 'commented',
  COMMENT_RESOLVED: 'resolved a comment',
  COMMENT_REOPENED: 'reopened a comment',
  APPROVED: 'approved it for print',
  APPROVED_WITH_CHANGES: 'approved it with changes',
  REVISION_REQUESTED: 'asked for a revision',
  WITHDRAWN: 'withdrew the decision',
  SUPERSEDED: 'a newer version replaced this one',
  LOCKED: 'locked the proof',
};

/**
 * Every other word the proof pages show, in one place so a translation can replace it whole
 * (English only for now, like the rest of the portal).
 */
export const PROOF_TEXT = {
  version: (n: number) => `Version ${n}`,
  page: (n: number, of: number | null) => (of ? `Page ${n} of ${of}` : `Page ${n}`),
  previous: 'Previous page',
  next: 'Next page',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fit: 'Fit',
  zoom: (percent: number) => `${percent}%`,
  pages: 'Pages',
  noPreview: 'No preview of this page. Download the file to see it.',
  noFile: 'This proof was published before files were kept in the portal; ask your printer for the file.',
  download: 'Download proof file',
  comments: 'Comments',
  noComments: 'No comments on this version yet.',
  addCommentHint: 'Click the page where the comment belongs, or comment on the whole page.',
  pinHere: 'Pin set: your comment will point here.',
  clearPin: 'Remove pin',
  commentLabel: 'Comment',
  postComment: 'Add comment',
  posting: 'Adding…',
  reply: 'Reply',
  replyLabel: 'Your reply',
  resolve: 'Resolve',
  reopen: 'Reopen',
  resolved: 'Resolved',
  onPage: (n: number) => `page ${n}`,
  olderVersion: 'This is an older version. Comments and decisions go on the current one.',
  openCurrent: (n: number) => `Open version ${n}`,
  lock: 'Lock proof',
  locked: 'Locked: production has started from this proof, so its decision stands.',
  decision: 'Your decision',
  approve: 'Approve for print',
  approving: 'Approving…',
  approveWithChanges: 'Approve with changes',
  changesLabel: 'Changes production must make',
  requestRevision: 'Request a revision',
  revisionLabel: 'What should change?',
  sending: 'Sending…',
  withdraw: 'Withdraw decision',
  withdrawLabel: 'Why are you withdrawing it?',
  withdrawing: 'Withdrawing…',
  notDecider: 'Only your company’s approvers and admins can approve proofs or ask for revisions. You can still comment.',
  decidedBy: (who: string, when: string) => `by ${who}, ${when}`,
  history: 'History',
  exportCsv: 'Download history (CSV)',
  compare: 'Compare versions',
  compareWith: (n: number) => `Compare with version ${n}`,
  versions: 'Versions',
  staffNotes: 'Note from your printer',
  toReview: 'Proofs to review',
  noneToReview: 'Nothing to review: every current proof of your company has a decision.',
  allCurrent: 'All current proofs',
  orderLine: (order: string, line: number) => `Order ${order}, line ${line}`,
  proofsHeading: 'Proofs',
  noProofs: 'No proofs yet. Your printer publishes them here for you to review.',
  review: 'Review',
  view: 'View',
} as const;
